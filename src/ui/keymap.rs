//! The single table of key bindings: input translation, the help overlay and the footer hints all read it,
//! so what the screen says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key_overrides::Overrides;
use super::msg::{Action, Msg};
use crate::core::content::Lang;

/// Which set of bindings applies: the screen (and mode) that has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Home screen.
    Home,
    /// Topic list of Browse.
    BrowseTopics,
    /// One topic in Browse.
    BrowseTopic,
    /// Search box and results.
    Search,
    /// A flashcard's question side (facts).
    Study,
    /// A scenario card before it is answered: choose, then answer.
    StudyChoose,
    /// A card's answer side: grade it.
    StudyGrade,
    /// The end of a study session: its summary and what to do next.
    StudySummary,
    /// Practice quiz.
    Quiz,
    /// Mock exam.
    Exam,
    /// Exam review list.
    ExamReview,
    /// Exam result.
    ExamResult,
    /// Asking whether to leave the program during an exam.
    ExamQuit,
    /// Home asking what to do with an interrupted exam.
    ExamPrompt,
    /// Statistics.
    Stats,
    /// Help overlay.
    Help,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every context but text entry.
    Global,
    /// These contexts only.
    Only(&'static [Context]),
}

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character without modifiers (or with shift, for capitals).
    Char(char),
    /// Ctrl + character.
    Ctrl(char),
    /// A named key.
    Code(KeyCode),
}

/// One row of the key table.
pub struct Binding {
    /// Keys that trigger it (the first is shown in hints).
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    scope: Scope,
    /// Whether the footer shows it.
    pub hint: bool,
    /// Label in English and Korean.
    pub label: (&'static str, &'static str),
}

use Context as C;
use Key::{Char, Code, Ctrl};

const LISTS: &[Context] = &[
    C::Home,
    C::BrowseTopics,
    C::BrowseTopic,
    C::ExamReview,
    C::Stats,
    C::Help,
];
const NAV: &[Context] = &[
    C::Home,
    C::BrowseTopics,
    C::BrowseTopic,
    C::Search,
    C::Stats,
    C::Help,
    C::ExamResult,
    C::Quiz,
    C::Study,
    C::StudyChoose,
    C::StudyGrade,
    C::StudySummary,
];
/// Screens whose text scrolls with the arrows (their ↑/↓ do not move a selection).
const SCROLLING: &[Context] = &[
    C::Exam,
    C::ExamResult,
    C::Quiz,
    C::Study,
    C::StudyChoose,
    C::StudyGrade,
    C::StudySummary,
];
const STUDYING: &[Context] = &[C::Study, C::StudyChoose, C::StudyGrade];

/// The bindings, in the order help shows them.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Code(KeyCode::Up), Char('k')],
        action: Action::Up,
        scope: Scope::Only(LISTS),
        hint: false,
        label: ("move up", "위로 이동"),
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        scope: Scope::Only(LISTS),
        hint: false,
        label: ("move down", "아래로 이동"),
    },
    Binding {
        keys: &[Code(KeyCode::Up), Ctrl('p')],
        action: Action::Up,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("previous result", "이전 결과"),
    },
    Binding {
        keys: &[Code(KeyCode::Down), Ctrl('n')],
        action: Action::Down,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("next result", "다음 결과"),
    },
    Binding {
        keys: &[Code(KeyCode::Up)],
        action: Action::Up,
        scope: Scope::Only(SCROLLING),
        hint: false,
        label: ("scroll up", "위로 스크롤"),
    },
    Binding {
        keys: &[Code(KeyCode::Down)],
        action: Action::Down,
        scope: Scope::Only(SCROLLING),
        hint: false,
        label: ("scroll down", "아래로 스크롤"),
    },
    Binding {
        keys: &[Code(KeyCode::Left), Char('h')],
        action: Action::Left,
        scope: Scope::Only(&[C::BrowseTopic, C::Exam, C::ExamResult]),
        hint: true,
        label: ("prev", "이전"),
    },
    Binding {
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Right,
        scope: Scope::Only(&[C::BrowseTopic, C::Exam, C::ExamResult]),
        hint: true,
        label: ("next", "다음"),
    },
    Binding {
        keys: &[Char('n'), Char(']')],
        action: Action::NextItem,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: ("next item", "다음 항목"),
    },
    Binding {
        keys: &[Char('p'), Char('[')],
        action: Action::PrevItem,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: ("previous item", "이전 항목"),
    },
    Binding {
        keys: &[Code(KeyCode::Left)],
        action: Action::Left,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("cursor left", "커서 왼쪽으로"),
    },
    Binding {
        keys: &[Code(KeyCode::Right)],
        action: Action::Right,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("cursor right", "커서 오른쪽으로"),
    },
    Binding {
        keys: &[Code(KeyCode::Backspace)],
        action: Action::DeleteChar,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("delete a character", "글자 지우기"),
    },
    Binding {
        keys: &[Ctrl('w')],
        action: Action::DeleteWord,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: ("delete a word", "단어 지우기"),
    },
    Binding {
        keys: &[Ctrl('u')],
        action: Action::ClearQuery,
        scope: Scope::Only(&[C::Search]),
        hint: true,
        label: ("clear the query", "검색어 지우기"),
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        action: Action::PageUp,
        scope: Scope::Only(NAV),
        hint: false,
        label: ("page up", "한 페이지 위로"),
    },
    Binding {
        keys: &[Code(KeyCode::PageDown)],
        action: Action::PageDown,
        scope: Scope::Only(NAV),
        hint: false,
        label: ("page down", "한 페이지 아래로"),
    },
    Binding {
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        scope: Scope::Only(NAV),
        hint: false,
        label: ("first", "맨 위로"),
    },
    Binding {
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        scope: Scope::Only(NAV),
        hint: false,
        label: ("last", "맨 아래로"),
    },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        action: Action::Open,
        scope: Scope::Only(&[C::Home, C::BrowseTopics, C::Search, C::ExamReview]),
        hint: true,
        label: ("open", "열기"),
    },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        action: Action::Submit,
        scope: Scope::Only(&[C::Quiz]),
        hint: true,
        label: ("answer / next", "답 제출 / 다음"),
    },
    Binding {
        keys: &[Char('s')],
        action: Action::Study,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("study topic", "주제 학습"),
    },
    Binding {
        keys: &[Char('a')],
        action: Action::StudyAll,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("study all", "전체 학습"),
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Cram,
        scope: Scope::Only(&[C::StudySummary]),
        hint: true,
        label: ("cram", "벼락치기"),
    },
    Binding {
        keys: &[Char('n')],
        action: Action::MoreNew,
        scope: Scope::Only(&[C::StudySummary]),
        hint: true,
        label: ("10 more new cards", "새 카드 10장 더"),
    },
    Binding {
        keys: &[Char('z')],
        action: Action::Quiz,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("quiz", "퀴즈"),
    },
    Binding {
        keys: &[Char('e')],
        action: Action::Exam,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("exam", "모의고사"),
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Resume,
        scope: Scope::Only(&[C::Home]),
        hint: false,
        label: ("continue the interrupted exam", "중단된 모의고사 이어서 풀기"),
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Resume,
        scope: Scope::Only(&[C::ExamPrompt]),
        hint: true,
        label: ("continue it", "이어서 풀기"),
    },
    Binding {
        keys: &[Char('d')],
        action: Action::Discard,
        scope: Scope::Only(&[C::ExamPrompt]),
        hint: true,
        label: ("discard it, start a new exam", "버리고 새 모의고사 시작"),
    },
    Binding {
        keys: &[Char('b')],
        action: Action::Browse,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("browse", "둘러보기"),
    },
    Binding {
        keys: &[Char('t')],
        action: Action::Stats,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: ("stats", "통계"),
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::Enter)],
        action: Action::Reveal,
        scope: Scope::Only(&[C::Study]),
        hint: true,
        label: ("show answer", "답 보기"),
    },
    Binding {
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Submit,
        scope: Scope::Only(&[C::StudyChoose]),
        hint: true,
        label: ("answer", "답하기"),
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::Enter)],
        action: Action::Submit,
        scope: Scope::Only(&[C::StudyGrade]),
        hint: true,
        label: ("grade ▸ (suggested)", "▸ 추천 평가"),
    },
    Binding {
        keys: &[Char('a')],
        action: Action::Reveal,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: ("show answer", "정답 보기"),
    },
    Binding {
        keys: &[Char('1')],
        action: Action::Grade(1),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: ("again", "다시"),
    },
    Binding {
        keys: &[Char('2')],
        action: Action::Grade(2),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: ("hard", "어려움"),
    },
    Binding {
        keys: &[Char('3')],
        action: Action::Grade(3),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: ("good", "알맞음"),
    },
    Binding {
        keys: &[Char('4')],
        action: Action::Grade(4),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: ("easy", "쉬움"),
    },
    Binding {
        keys: &[Char('u')],
        action: Action::Undo,
        scope: Scope::Only(STUDYING),
        hint: true,
        label: ("undo", "실행 취소"),
    },
    Binding {
        keys: &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5'), Char('6')],
        action: Action::Choose(0),
        scope: Scope::Only(&[C::Quiz, C::Exam, C::StudyChoose]),
        hint: true,
        label: ("choose", "선택"),
    },
    Binding {
        keys: &[Char('a'), Char('b'), Char('c'), Char('d'), Char('e'), Char('f')],
        action: Action::Choose(0),
        scope: Scope::Only(&[C::StudyChoose]),
        hint: false,
        label: ("choose by letter", "글자로 선택"),
    },
    Binding {
        keys: &[Char('y'), Char('q')],
        action: Action::Quit,
        scope: Scope::Only(&[C::ExamQuit]),
        hint: true,
        label: ("quit (the exam is kept)", "종료 (모의고사는 보관됨)"),
    },
    Binding {
        keys: &[Char('f')],
        action: Action::Flag,
        scope: Scope::Only(&[C::Exam]),
        hint: true,
        label: ("flag", "검토 표시"),
    },
    Binding {
        keys: &[Char('r')],
        action: Action::ReviewList,
        scope: Scope::Only(&[C::Exam]),
        hint: true,
        label: ("review", "목록"),
    },
    Binding {
        keys: &[Char('S')],
        action: Action::Submit,
        scope: Scope::Only(&[C::Exam, C::ExamReview]),
        hint: true,
        label: ("submit", "제출"),
    },
    Binding {
        keys: &[Char('x')],
        action: Action::Export,
        scope: Scope::Only(&[C::Stats]),
        hint: true,
        label: ("export", "내보내기"),
    },
    Binding {
        keys: &[Char('/')],
        action: Action::Search,
        scope: Scope::Only(&[C::Home, C::BrowseTopics, C::BrowseTopic, C::Stats]),
        hint: true,
        label: ("search", "검색"),
    },
    Binding {
        keys: &[Char('L')],
        action: Action::ToggleLang,
        scope: Scope::Global,
        hint: true,
        label: ("English/한국어", "English/한국어"),
    },
    Binding {
        keys: &[Char('?'), Code(KeyCode::F(1))],
        action: Action::Help,
        scope: Scope::Global,
        hint: true,
        label: ("help", "도움말"),
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        action: Action::Back,
        scope: Scope::Global,
        hint: true,
        label: ("back", "뒤로"),
    },
    Binding {
        keys: &[Char('q')],
        action: Action::Quit,
        scope: Scope::Global,
        hint: true,
        label: ("quit", "종료"),
    },
];

impl Binding {
    fn applies(&self, ctx: Context) -> bool {
        match self.scope {
            Scope::Global => true,
            Scope::Only(list) => list.contains(&ctx),
        }
    }

    /// The binding's label in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label.0,
            Lang::Ko => self.label.1,
        }
    }

    /// The keys that trigger it in `ctx`, as text (`↑/k`, `1-6`, or the override's key); `None` when no key
    /// does there: in text entry a plain character is typed, so `q`, `L` or `?` are not keys there.
    pub fn keys_text(&self, ctx: Context, overrides: &Overrides) -> Option<String> {
        let keys = self.keys_in(ctx, overrides);
        match (self.action, &keys[..]) {
            (_, []) => None,
            (Action::Choose(_), [first, .., last]) => {
                Some(format!("{}-{}", key_name(*first), key_name(*last)))
            }
            _ => Some(keys.into_iter().map(key_name).collect::<Vec<_>>().join("/")),
        }
    }

    /// The keys that trigger it in `ctx`: the override's key or the defaults, less the plain characters
    /// a text field types.
    fn keys_in(&self, ctx: Context, overrides: &Overrides) -> Vec<Key> {
        let keys = match overrides.key_for(self.action) {
            Some(key) if !matches!(self.action, Action::Choose(_)) => vec![key],
            _ => self.keys.to_vec(),
        };
        keys.into_iter()
            .filter(|k| !(is_text_entry(ctx) && matches!(k, Char(_))))
            .collect()
    }
}

/// Whether the context edits text, so plain characters are typed instead of triggering actions.
pub fn is_text_entry(ctx: Context) -> bool {
    ctx == Context::Search
}

/// Translates a key press into a message for `ctx`, or `None` if the key means nothing there. An
/// overridden action answers only to its new key.
pub fn translate(ctx: Context, key: KeyEvent, overrides: &Overrides) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // Ctrl-C leaves from anywhere, whatever `[keys]` says: a learner must always have a way out.
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Msg::Interrupt);
    }
    if is_text_entry(ctx)
        && !ctrl
        && let KeyCode::Char(c) = key.code
    {
        return Some(Msg::Input(c));
    }
    let pressed = match key.code {
        KeyCode::Char(c) if ctrl => Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Char(c),
        code => Code(code),
    };
    let bound_here = |action: Action| BINDINGS.iter().any(|b| b.action == action && b.applies(ctx));
    if let Some(action) = overrides.actions_for(pressed).find(|a| bound_here(*a)) {
        return Some(Msg::Action(action));
    }
    let binding = BINDINGS
        .iter()
        .find(|b| b.applies(ctx) && b.keys.contains(&pressed) && overrides.key_for(b.action).is_none())?;
    let action = match (binding.action, pressed) {
        (Action::Choose(_), Char(c)) => Action::Choose(choice_number(c)?),
        (action, _) => action,
    };
    Some(Msg::Action(action))
}

/// The 1-based choice a key picks: `1`–`9`, or `a`–`z` (a = 1).
fn choice_number(c: char) -> Option<u8> {
    match c {
        '1'..='9' => c.to_digit(10).map(|d| d as u8),
        'a'..='z' => Some(c as u8 - b'a' + 1),
        _ => None,
    }
}

/// Every binding that applies in `ctx`, for the help overlay.
pub fn bindings_for(ctx: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.applies(ctx))
}

/// One footer hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys as text.
    pub keys: String,
    /// What they do.
    pub label: &'static str,
    /// Whether the binding belongs to this screen (not one of the keys that work everywhere): a narrow
    /// footer keeps these and drops the global ones first.
    pub own: bool,
    /// Whether it opens help, which the footer always shows (last).
    pub help: bool,
}

/// The footer's hints for `ctx`, in table order (only bindings with a key that works there).
pub fn hints(ctx: Context, lang: Lang, overrides: &Overrides) -> Vec<Hint> {
    bindings_for(ctx)
        .filter(|b| b.hint)
        .filter_map(|b| {
            Some(Hint {
                keys: b.keys_text(ctx, overrides)?,
                label: b.label(lang),
                own: matches!(b.scope, Scope::Only(_)),
                help: b.action == Action::Help,
            })
        })
        .collect()
}

/// How a key is written in help and hints.
pub fn key_name(key: Key) -> String {
    match key {
        Char(' ') => "Space".to_string(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Code(KeyCode::Up) => "↑".to_string(),
        Code(KeyCode::Down) => "↓".to_string(),
        Code(KeyCode::Left) => "←".to_string(),
        Code(KeyCode::Right) => "→".to_string(),
        Code(KeyCode::Enter) => "Enter".to_string(),
        Code(KeyCode::Esc) => "Esc".to_string(),
        Code(KeyCode::PageUp) => "PgUp".to_string(),
        Code(KeyCode::PageDown) => "PgDn".to_string(),
        Code(KeyCode::Home) => "Home".to_string(),
        Code(KeyCode::End) => "End".to_string(),
        Code(KeyCode::F(n)) => format!("F{n}"),
        Code(KeyCode::Backspace) => "Backspace".to_string(),
        Code(other) => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Overrides {
        Overrides::default()
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_same_key_means_different_things_per_screen() {
        assert_eq!(
            translate(C::Home, key(KeyCode::Char('s')), &none()),
            Some(Msg::Action(Action::Study))
        );
        assert_eq!(
            translate(C::Search, key(KeyCode::Char('s')), &none()),
            Some(Msg::Input('s'))
        );
        assert_eq!(
            translate(C::StudyGrade, key(KeyCode::Char('3')), &none()),
            Some(Msg::Action(Action::Grade(3)))
        );
        assert_eq!(
            translate(C::StudyChoose, key(KeyCode::Char('3')), &none()),
            Some(Msg::Action(Action::Choose(3))),
            "an unanswered scenario card takes digits as choices, not grades"
        );
        assert_eq!(
            translate(C::StudyChoose, key(KeyCode::Char('b')), &none()),
            Some(Msg::Action(Action::Choose(2)))
        );
        assert_eq!(translate(C::Study, key(KeyCode::Char('3')), &none()), None);
        assert_eq!(
            translate(C::Quiz, key(KeyCode::Char('3')), &none()),
            Some(Msg::Action(Action::Choose(3)))
        );
        assert_eq!(translate(C::Home, key(KeyCode::Char('3')), &none()), None);
    }

    #[test]
    fn escape_and_ctrl_c_work_while_typing() {
        assert_eq!(
            translate(C::Search, key(KeyCode::Esc), &none()),
            Some(Msg::Action(Action::Back))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(translate(C::Search, ctrl_c, &none()), Some(Msg::Interrupt));
        // Even with quit, and ctrl+c itself, rebound in `[keys]`.
        let keys = [("quit", "x"), ("search", "ctrl+c")]
            .into_iter()
            .map(|(action, key)| (action.to_string(), key.parse().unwrap()))
            .collect();
        let rebound = Overrides::from_config(&keys).unwrap();
        for ctx in [C::Home, C::Search, C::Exam, C::StudyGrade] {
            assert_eq!(translate(ctx, ctrl_c, &rebound), Some(Msg::Interrupt), "{ctx:?}");
        }
    }

    fn event_for(k: Key) -> KeyEvent {
        match k {
            Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Code(code) => key(code),
        }
    }

    #[test]
    fn every_listed_binding_does_what_help_says() {
        let all = [
            C::Home,
            C::BrowseTopics,
            C::BrowseTopic,
            C::Search,
            C::Study,
            C::StudyChoose,
            C::StudyGrade,
            C::StudySummary,
            C::Quiz,
            C::Exam,
            C::ExamReview,
            C::ExamResult,
            C::ExamQuit,
            C::ExamPrompt,
            C::Stats,
            C::Help,
        ];
        for ctx in all {
            for b in bindings_for(ctx) {
                let shown = b.keys_in(ctx, &none());
                for &k in b.keys {
                    let expected = match b.action {
                        Action::Choose(_) => match k {
                            Char(c) => Action::Choose(choice_number(c).unwrap()),
                            _ => unreachable!(),
                        },
                        a => a,
                    };
                    let got = translate(ctx, event_for(k), &none());
                    // In text entry, plain characters are typed, and help does not list them as keys;
                    // every other key must do what help says.
                    if is_text_entry(ctx) && matches!(k, Char(_)) {
                        assert!(matches!(got, Some(Msg::Input(_))), "{ctx:?} {k:?}");
                        assert!(!shown.contains(&k), "{ctx:?} lists {k:?}");
                    } else {
                        assert_eq!(got, Some(Msg::Action(expected)), "{ctx:?} {k:?} is shadowed");
                        assert!(shown.contains(&k), "{ctx:?} hides {k:?}");
                    }
                }
            }
        }
    }

    /// What help lists while typing a query: only keys that do not type, and every one the issue asks
    /// for (navigation with arrows, pages, ends and Ctrl-N/Ctrl-P; editing with the caret keys).
    #[test]
    fn search_help_lists_only_keys_that_do_not_type() {
        let listed: Vec<String> = bindings_for(C::Search)
            .filter_map(|b| b.keys_text(C::Search, &none()))
            .flat_map(|keys| keys.split('/').map(str::to_string).collect::<Vec<_>>())
            .collect();
        for typed in ["j", "k", "L", "?", "q", "g", "G", "h", "l"] {
            assert!(
                !listed.iter().any(|k| k == typed),
                "{typed} is listed: {listed:?}"
            );
        }
        for key in [
            "↑",
            "↓",
            "PgUp",
            "PgDn",
            "Home",
            "End",
            "Ctrl-N",
            "Ctrl-P",
            "←",
            "→",
            "Backspace",
            "Ctrl-U",
            "Ctrl-W",
            "Enter",
            "Esc",
            "F1",
        ] {
            assert!(listed.iter().any(|k| k == key), "{key} is missing: {listed:?}");
        }
        let hints: Vec<String> = hints(C::Search, Lang::En, &none())
            .into_iter()
            .map(|h| h.keys)
            .collect();
        assert!(
            hints.iter().all(|h| h.chars().count() > 1),
            "a typed key in the footer: {hints:?}"
        );
        // A `[keys]` override to a plain character cannot work while typing, so it is not shown either.
        let quit_on_x =
            Overrides::from_config(&[("quit".to_string(), "x".parse().unwrap())].into_iter().collect())
                .unwrap();
        let quit = BINDINGS
            .iter()
            .find(|b| b.action == Action::Quit && b.hint)
            .unwrap();
        assert_eq!(quit.keys_text(C::Search, &quit_on_x), None);
        assert_eq!(quit.keys_text(C::Home, &quit_on_x).as_deref(), Some("x"));
    }
}
