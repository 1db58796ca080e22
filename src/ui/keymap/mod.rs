//! The single table of key bindings: input translation, the help overlay and the footer hints all read it,
//! so what the screen says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key_overrides::Overrides;
use super::msg::{Action, Msg};
use crate::core::content::Lang;
use crate::text::KeyLabel;

mod bindings;
pub use bindings::BINDINGS;

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
    /// Asking whether to submit the exam.
    ExamConfirm,
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
    /// What it does, as the catalogue words it.
    pub label: KeyLabel,
}

#[cfg(test)]
use Context as C;
use Key::{Char, Code, Ctrl};

impl Binding {
    fn applies(&self, ctx: Context) -> bool {
        match self.scope {
            Scope::Global => true,
            Scope::Only(list) => list.contains(&ctx),
        }
    }

    /// The binding's label in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        crate::text::of(lang).key_label(self.label)
    }

    /// The label in the help overlay, which has room for the words a narrow footer leaves out.
    pub fn help_label(&self, lang: Lang) -> &'static str {
        crate::text::of(lang).key_help_label(self.label)
    }

    /// The keys that trigger it in `ctx`, as text (`↑/k`, `1-6`, or the override's key); `None` when no key
    /// does there: in text entry a plain character is typed, so `q`, `L` or `?` are not keys there.
    pub fn keys_text(&self, ctx: Context, overrides: &Overrides) -> Option<String> {
        self.keys_text_for(ctx, overrides, None)
    }

    /// [`Self::keys_text`], with the choice keys cut to the first `choices` when a question offers that many.
    fn keys_text_for(&self, ctx: Context, overrides: &Overrides, choices: Option<usize>) -> Option<String> {
        let mut keys = self.keys_in(ctx, overrides);
        if let (Action::Choose(_), Some(n)) = (self.action, choices) {
            keys.truncate(n.max(1));
        }
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

/// The footer's hints for `ctx`, in table order (only bindings with a key that works there); with
/// `choices`, the choice keys are only those of the question's choices.
pub fn hints(ctx: Context, lang: Lang, overrides: &Overrides, choices: Option<usize>) -> Vec<Hint> {
    bindings_for(ctx)
        .filter(|b| b.hint)
        .filter_map(|b| {
            Some(Hint {
                keys: b.keys_text_for(ctx, overrides, choices)?,
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
            C::ExamConfirm,
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
        let hints: Vec<String> = hints(C::Search, Lang::En, &none(), None)
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

    #[test]
    fn the_footer_names_only_the_keys_of_the_choices_offered() {
        let choose = |choices| {
            hints(C::Quiz, Lang::En, &none(), choices)
                .into_iter()
                .find(|h| h.label == "choose")
                .map(|h| h.keys)
        };
        assert_eq!(choose(None).as_deref(), Some("1-6"));
        assert_eq!(choose(Some(4)).as_deref(), Some("1-4"));
        assert_eq!(choose(Some(2)).as_deref(), Some("1-2"));
        assert_eq!(choose(Some(1)).as_deref(), Some("1"));
        assert_eq!(
            choose(Some(9)).as_deref(),
            Some("1-6"),
            "never more keys than the table binds"
        );
    }
}
