//! The key table itself: every binding, in the order help shows them. Input, help and the footer all read
//! it through the functions of [`super`], so adding a key here is the whole change (with a new wording, one
//! more [`KeyLabel`] that each language's catalogue names: the table holds no words itself).

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, Scope};
use crate::text::KeyLabel;
use crate::ui::msg::Action;

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
    C::ExamReview,
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
        label: KeyLabel::MoveUp,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Char('j')],
        action: Action::Down,
        scope: Scope::Only(LISTS),
        hint: false,
        label: KeyLabel::MoveDown,
    },
    Binding {
        keys: &[Code(KeyCode::Up), Ctrl('p')],
        action: Action::Up,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::PreviousResult,
    },
    Binding {
        keys: &[Code(KeyCode::Down), Ctrl('n')],
        action: Action::Down,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::NextResult,
    },
    Binding {
        keys: &[Code(KeyCode::Up)],
        action: Action::Up,
        scope: Scope::Only(SCROLLING),
        hint: false,
        label: KeyLabel::ScrollUp,
    },
    Binding {
        keys: &[Code(KeyCode::Down)],
        action: Action::Down,
        scope: Scope::Only(SCROLLING),
        hint: false,
        label: KeyLabel::ScrollDown,
    },
    Binding {
        keys: &[Code(KeyCode::Left), Char('h')],
        action: Action::Left,
        scope: Scope::Only(&[C::BrowseTopic, C::Exam, C::ExamResult]),
        hint: true,
        label: KeyLabel::Previous,
    },
    Binding {
        keys: &[Code(KeyCode::Right), Char('l')],
        action: Action::Right,
        scope: Scope::Only(&[C::BrowseTopic, C::Exam, C::ExamResult]),
        hint: true,
        label: KeyLabel::Next,
    },
    Binding {
        keys: &[Char('n'), Char(']')],
        action: Action::NextItem,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: KeyLabel::NextItem,
    },
    Binding {
        keys: &[Char('p'), Char('[')],
        action: Action::PrevItem,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: KeyLabel::PreviousItem,
    },
    Binding {
        keys: &[Code(KeyCode::Left)],
        action: Action::Left,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::CursorLeft,
    },
    Binding {
        keys: &[Code(KeyCode::Right)],
        action: Action::Right,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::CursorRight,
    },
    Binding {
        keys: &[Code(KeyCode::Backspace)],
        action: Action::DeleteChar,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::DeleteACharacter,
    },
    Binding {
        keys: &[Ctrl('w')],
        action: Action::DeleteWord,
        scope: Scope::Only(&[C::Search]),
        hint: false,
        label: KeyLabel::DeleteAWord,
    },
    Binding {
        keys: &[Ctrl('u')],
        action: Action::ClearQuery,
        scope: Scope::Only(&[C::Search]),
        hint: true,
        label: KeyLabel::ClearTheQuery,
    },
    Binding {
        keys: &[Code(KeyCode::PageUp)],
        action: Action::PageUp,
        scope: Scope::Only(NAV),
        hint: false,
        label: KeyLabel::PageUp,
    },
    Binding {
        keys: &[Code(KeyCode::PageDown)],
        action: Action::PageDown,
        scope: Scope::Only(NAV),
        hint: false,
        label: KeyLabel::PageDown,
    },
    Binding {
        keys: &[Code(KeyCode::Home), Char('g')],
        action: Action::Top,
        scope: Scope::Only(NAV),
        hint: false,
        label: KeyLabel::First,
    },
    Binding {
        keys: &[Code(KeyCode::End), Char('G')],
        action: Action::Bottom,
        scope: Scope::Only(NAV),
        hint: false,
        label: KeyLabel::Last,
    },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        action: Action::Open,
        scope: Scope::Only(&[C::Home, C::BrowseTopics, C::Search, C::ExamReview]),
        hint: true,
        label: KeyLabel::Open,
    },
    Binding {
        keys: &[Code(KeyCode::Enter)],
        action: Action::Submit,
        scope: Scope::Only(&[C::Quiz]),
        hint: true,
        label: KeyLabel::AnswerOrNext,
    },
    Binding {
        keys: &[Code(KeyCode::Enter), Char('S')],
        action: Action::Submit,
        scope: Scope::Only(&[C::ExamConfirm]),
        hint: true,
        label: KeyLabel::SubmitTheExam,
    },
    // First of Home's keys: the footer drops what does not fit from the end, and Home's Start box already
    // names s, a, z, e, b and Enter, while stats can only be found here.
    Binding {
        keys: &[Char('t')],
        action: Action::Stats,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::Stats,
    },
    Binding {
        keys: &[Char('s')],
        action: Action::Study,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::StudyTopic,
    },
    Binding {
        keys: &[Char('a')],
        action: Action::StudyAll,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::StudyAll,
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Cram,
        scope: Scope::Only(&[C::StudySummary]),
        hint: true,
        label: KeyLabel::CramAgain,
    },
    Binding {
        keys: &[Char('C')],
        action: Action::CramScope,
        scope: Scope::Only(&[C::StudySummary]),
        // The summary names it next to `c`.
        hint: false,
        label: KeyLabel::CramEveryCard,
    },
    Binding {
        keys: &[Char('n')],
        action: Action::MoreNew,
        scope: Scope::Only(&[C::StudySummary]),
        hint: true,
        label: KeyLabel::TenMoreNew,
    },
    Binding {
        keys: &[Char('z')],
        action: Action::Quiz,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::QuizTopic,
    },
    Binding {
        keys: &[Char('w')],
        action: Action::Weak,
        scope: Scope::Only(&[C::Home]),
        // The Start box names it with the predicted score.
        hint: false,
        label: KeyLabel::PracticeWeakSpots,
    },
    Binding {
        keys: &[Char('Z')],
        action: Action::QuizAll,
        scope: Scope::Only(&[C::Home]),
        // The Start box names it next to `z`.
        hint: false,
        label: KeyLabel::QuizAllTopics,
    },
    Binding {
        keys: &[Char('e')],
        action: Action::Exam,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::Exam,
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Resume,
        scope: Scope::Only(&[C::Home]),
        hint: false,
        label: KeyLabel::ContinueInterruptedExam,
    },
    Binding {
        keys: &[Char('c')],
        action: Action::Resume,
        scope: Scope::Only(&[C::ExamPrompt]),
        hint: true,
        label: KeyLabel::ContinueIt,
    },
    Binding {
        keys: &[Char('d')],
        action: Action::Discard,
        scope: Scope::Only(&[C::ExamPrompt]),
        hint: true,
        label: KeyLabel::DiscardAndStartNew,
    },
    Binding {
        keys: &[Char('b')],
        action: Action::Browse,
        scope: Scope::Only(&[C::Home]),
        hint: true,
        label: KeyLabel::Browse,
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::Enter)],
        action: Action::Reveal,
        scope: Scope::Only(&[C::Study]),
        hint: true,
        label: KeyLabel::ShowAnswer,
    },
    Binding {
        keys: &[Code(KeyCode::Enter), Char(' ')],
        action: Action::Submit,
        scope: Scope::Only(&[C::StudyChoose]),
        hint: true,
        label: KeyLabel::Answer,
    },
    Binding {
        keys: &[Char(' '), Code(KeyCode::Enter)],
        action: Action::Submit,
        scope: Scope::Only(&[C::StudyGrade]),
        hint: true,
        label: KeyLabel::GradeSuggested,
    },
    Binding {
        keys: &[Char('a')],
        action: Action::Reveal,
        scope: Scope::Only(&[C::BrowseTopic]),
        hint: true,
        label: KeyLabel::ShowAnswer,
    },
    Binding {
        keys: &[Char('1')],
        action: Action::Grade(1),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: KeyLabel::Again,
    },
    Binding {
        keys: &[Char('2')],
        action: Action::Grade(2),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: KeyLabel::Hard,
    },
    Binding {
        keys: &[Char('3')],
        action: Action::Grade(3),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: KeyLabel::Good,
    },
    Binding {
        keys: &[Char('4')],
        action: Action::Grade(4),
        scope: Scope::Only(&[C::StudyGrade]),
        // The grade buttons above the footer show these keys with their intervals.
        hint: false,
        label: KeyLabel::Easy,
    },
    Binding {
        keys: &[Char('u')],
        action: Action::Undo,
        scope: Scope::Only(STUDYING),
        hint: true,
        label: KeyLabel::Undo,
    },
    Binding {
        keys: &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5'), Char('6')],
        action: Action::Choose(0),
        scope: Scope::Only(&[C::Quiz, C::Exam, C::StudyChoose]),
        hint: true,
        label: KeyLabel::Choose,
    },
    Binding {
        keys: &[Char('a'), Char('b'), Char('c'), Char('d'), Char('e'), Char('f')],
        action: Action::Choose(0),
        scope: Scope::Only(&[C::Quiz, C::StudyChoose]),
        hint: false,
        label: KeyLabel::ChooseByLetter,
    },
    Binding {
        keys: &[Char('y'), Char('q')],
        action: Action::Quit,
        scope: Scope::Only(&[C::ExamQuit]),
        hint: true,
        label: KeyLabel::QuitKeepingExam,
    },
    Binding {
        keys: &[Char('f')],
        action: Action::Flag,
        scope: Scope::Only(&[C::Exam]),
        hint: true,
        label: KeyLabel::Flag,
    },
    Binding {
        keys: &[Char('r')],
        action: Action::ReviewList,
        scope: Scope::Only(&[C::Exam]),
        hint: true,
        label: KeyLabel::ReviewList,
    },
    Binding {
        keys: &[Char('S')],
        action: Action::Submit,
        scope: Scope::Only(&[C::Exam, C::ExamReview]),
        hint: true,
        label: KeyLabel::Submit,
    },
    Binding {
        keys: &[Char('x')],
        action: Action::Export,
        scope: Scope::Only(&[C::Stats]),
        hint: true,
        label: KeyLabel::Export,
    },
    Binding {
        keys: &[Char('/')],
        action: Action::Search,
        scope: Scope::Only(&[C::Home, C::BrowseTopics, C::BrowseTopic, C::Stats]),
        hint: true,
        label: KeyLabel::Search,
    },
    Binding {
        keys: &[Char('L')],
        action: Action::ToggleLang,
        scope: Scope::Global,
        hint: true,
        label: KeyLabel::Language,
    },
    Binding {
        keys: &[Char('?'), Code(KeyCode::F(1))],
        action: Action::Help,
        scope: Scope::Global,
        hint: true,
        label: KeyLabel::Help,
    },
    Binding {
        keys: &[Code(KeyCode::Esc)],
        action: Action::Back,
        scope: Scope::Global,
        hint: true,
        label: KeyLabel::Back,
    },
    Binding {
        keys: &[Char('q')],
        action: Action::Quit,
        scope: Scope::Global,
        hint: true,
        label: KeyLabel::Quit,
    },
];
