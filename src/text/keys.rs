//! The names of the keys' actions, as the footer and the help overlay show them: one [`KeyLabel`] per
//! action wording in the key table (`ui::keymap::bindings`), said by each language's catalogue, so the
//! table itself holds no words.

/// What a key does, as a footer hint or a help line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyLabel {
    /// "move up"
    MoveUp,
    /// "move down"
    MoveDown,
    /// "previous result"
    PreviousResult,
    /// "next result"
    NextResult,
    /// "scroll up"
    ScrollUp,
    /// "scroll down"
    ScrollDown,
    /// "prev"
    Previous,
    /// "next"
    Next,
    /// "next item"
    NextItem,
    /// "previous item"
    PreviousItem,
    /// "cursor left"
    CursorLeft,
    /// "cursor right"
    CursorRight,
    /// "delete a character"
    DeleteACharacter,
    /// "delete a word"
    DeleteAWord,
    /// "clear the query"
    ClearTheQuery,
    /// "page up"
    PageUp,
    /// "page down"
    PageDown,
    /// "first"
    First,
    /// "last"
    Last,
    /// "open"
    Open,
    /// "answer / next"
    AnswerOrNext,
    /// "submit the exam"
    SubmitTheExam,
    /// "stats"
    Stats,
    /// "study topic"
    StudyTopic,
    /// "study all"
    StudyAll,
    /// "cram again"
    CramAgain,
    /// "cram every card"
    CramEveryCard,
    /// "10 more new cards"
    TenMoreNew,
    /// "quiz topic"
    QuizTopic,
    /// "practice weak spots"
    PracticeWeakSpots,
    /// "quiz all topics"
    QuizAllTopics,
    /// "exam"
    Exam,
    /// "continue the interrupted exam"
    ContinueInterruptedExam,
    /// "continue it"
    ContinueIt,
    /// "discard it, start a new exam"
    DiscardAndStartNew,
    /// "browse"
    Browse,
    /// "show answer"
    ShowAnswer,
    /// "answer"
    Answer,
    /// "grade ▸ (suggested)"
    GradeSuggested,
    /// "again"
    Again,
    /// "hard"
    Hard,
    /// "good"
    Good,
    /// "easy"
    Easy,
    /// "undo"
    Undo,
    /// "choose"
    Choose,
    /// "choose by letter"
    ChooseByLetter,
    /// "quit (the exam is kept)"
    QuitKeepingExam,
    /// "flag"
    Flag,
    /// "review"
    ReviewList,
    /// "submit"
    Submit,
    /// "export"
    Export,
    /// "search"
    Search,
    /// "English/한국어"
    Language,
    /// "help"
    Help,
    /// "back"
    Back,
    /// "quit"
    Quit,
}
