//! The words of the interface's screens, one struct per screen, so that each language says a whole screen
//! in one place (`en/screens.rs`, `ko/screens.rs`) and a third language is one more file. The screens keep
//! the layout: which line goes where, its style and its width.
//!
//! Fields are plain words or functions of the numbers a sentence carries (a counter or particle sits in a
//! different place in each language). The key labels are the one exception: they stay in the keymap's
//! table (`crate::ui::keymap::bindings`) as `(en, ko)` pairs, next to the keys they name.

/// The exam screen (`crate::ui::screens::exam`).
#[derive(Debug)]
pub struct ExamText {
    /// The title bar.
    pub title: &'static str,
    /// The quit question, with the time left.
    pub quit_question: fn(&str) -> String,
    /// The header: question number, question count, time left, answered, flagged.
    pub header: fn(usize, usize, &str, usize, usize) -> String,
    /// The mark over a flagged question.
    pub flagged: &'static str,
    /// The review list's states: answered, incomplete, unanswered (each padded to one width).
    pub states: [&'static str; 3],
    /// The review list's title.
    pub review_title: &'static str,
    /// Where the review list stands when it scrolls: cursor, total, first row, last row.
    pub review_rows: fn(usize, usize, usize, usize) -> String,
    /// The submit question: answered, unanswered, flagged, time left.
    pub confirm: fn(usize, usize, usize, &str) -> String,
    /// The reviewed question's heading in the result: number, count.
    pub result_question: fn(usize, usize) -> String,
    /// The result's box title.
    pub result_title: &'static str,
    /// Pass and fail.
    pub verdicts: [&'static str; 2],
    /// The pass mark after the score.
    pub pass_mark: fn(u32) -> String,
    /// How the scaled score is made.
    pub scale_note: &'static str,
    /// Right, total, time used, time limit, whether time ran out.
    pub result_counts: fn(usize, usize, &str, &str, bool) -> String,
}

/// The home screen (`crate::ui::screens::home`).
#[derive(Debug)]
pub struct HomeText {
    /// The title bar.
    pub title: &'static str,
    /// A topic row's counts: due, new (padded to 3 and 2 columns).
    pub row: fn(usize, usize) -> String,
    /// The topic list's title: due today, new today.
    pub heading: fn(usize, usize) -> String,
    /// The Start box's title.
    pub start: &'static str,
    /// `s`: the selected topic, due, new.
    pub study: fn(&str, usize, usize) -> String,
    /// `a`: due, new over all topics.
    pub study_all: fn(usize, usize) -> String,
    /// `z`: the selected topic.
    pub quiz: fn(&str) -> String,
    /// `e`: questions, minutes.
    pub exam: fn(usize, u64) -> String,
    /// `Enter`.
    pub browse: &'static str,
    /// `c`: an interrupted exam, with the time left.
    pub resume: fn(&str) -> String,
    /// The question about an open exam, and its three answers: continue (time left), discard, cancel.
    pub open_exam: (&'static str, fn(&str) -> String, &'static str, &'static str),
}

/// The study screen's card (`crate::ui::screens::study`).
#[derive(Debug)]
pub struct StudyText {
    /// The title bar, and in cram mode.
    pub title: [&'static str; 2],
    /// The card box's title: due, learning, new left.
    pub remaining: fn(usize, usize, usize) -> String,
    /// A scenario card answered with too few picks: how many it needs, the keys (`1–4 / a–d`).
    pub pick_first: fn(usize, &str) -> String,
    /// The line under a card before its answer shows, with the reveal key.
    pub reveal: fn(&str) -> String,
    /// The line under a scenario card: the keys (`1–4 / a–d`).
    pub choose: fn(&str) -> String,
    /// The four grades (Anki's names).
    pub grades: [&'static str; 4],
    /// Nothing left after `c` or `n`, for one topic and for all.
    pub nothing_left: [&'static str; 2],
    /// The label of a fact's correction.
    pub correction: &'static str,
    /// A card's phase: new, learning, review, relearning.
    pub phases: [&'static str; 4],
}

/// The end of a study session (`crate::ui::screens::study::summary`).
#[derive(Debug)]
pub struct SummaryText {
    /// The box title when nothing was studied, and after a session.
    pub titles: [&'static str; 2],
    /// The headline when nothing was studied, and after a session.
    pub headlines: [&'static str; 2],
    /// Cards, reviews, time spent.
    pub counts: fn(usize, usize, &str) -> String,
    /// Again, hard, good, easy.
    pub by_grade: fn(usize, usize, usize, usize) -> String,
    /// Retention in percent, answers not Again, answers.
    pub retention: fn(usize, usize, usize) -> String,
    /// When the next card is due.
    pub next_due: fn(&str) -> String,
    /// No studied card is scheduled yet.
    pub none_scheduled: &'static str,
    /// Tomorrow: due, new.
    pub tomorrow: fn(usize, usize) -> String,
    /// Every card of this topic, of all topics.
    pub scopes: [&'static str; 2],
    /// Cram keeps the schedule.
    pub cram_note: &'static str,
    /// `c`: cram the cards just studied (count, note).
    pub cram_these: fn(usize, &str) -> String,
    /// `c`/`C`: cram the scope (scope, note).
    pub cram_scope: fn(&str, &str) -> String,
    /// `n`: more new cards today (count).
    pub more_new: fn(u32) -> String,
    /// `Esc`.
    pub back: &'static str,
    /// The daily limit is used up: limit, cards waiting, how many `n` adds.
    pub over_limit: fn(u32, usize, u32) -> String,
    /// New cards held back by a related card studied today.
    pub held_back: fn(usize) -> String,
}

/// The quiz screen (`crate::ui::screens::quiz`).
#[derive(Debug)]
pub struct QuizText {
    /// The title bar.
    pub title: &'static str,
    /// Answered with too few picks: how many it needs, the keys (`1–4 / a–d`).
    pub pick_first: fn(usize, &str) -> String,
    /// The line under an unanswered question: the keys.
    pub choose: fn(&str) -> String,
    /// The box title: question number, questions, right, answered.
    pub question_title: fn(usize, usize, usize, usize) -> String,
    /// The box title at the end.
    pub finished_title: &'static str,
    /// The heading of the missed questions: how many.
    pub missed: fn(usize) -> String,
    /// The score: right, total, percent, skipped.
    pub score: fn(usize, usize, usize, usize) -> String,
}

/// The browse screen (`crate::ui::screens::browse`).
#[derive(Debug)]
pub struct BrowseText {
    /// The title bar (the topic's title follows it).
    pub title: &'static str,
    /// An empty tab: notes, facts, comparisons, scenarios.
    pub empty: [&'static str; 4],
    /// The fact table's headers: question, answer.
    pub headers: [&'static str; 2],
    /// The label of a fact's correction.
    pub correction: &'static str,
    /// More below, on a box's bottom border.
    pub more: &'static str,
    /// How to see a scenario's answer.
    pub reveal: &'static str,
    /// A scenario with several right choices: how many.
    pub choose: fn(usize) -> String,
}

/// The search screen (`crate::ui::screens::search`).
#[derive(Debug)]
pub struct SearchText {
    /// The title bar.
    pub title: &'static str,
    /// The query box's title.
    pub prompt: &'static str,
    /// The results box: indexing, nothing typed, searching, no match.
    pub states: [&'static str; 4],
    /// The results box: a count, and a count at the cap (there may be more).
    pub results: [fn(usize) -> String; 2],
}

/// Words of the widgets every screen shares (`crate::ui::widgets`).
#[derive(Debug)]
pub struct CommonText {
    /// The help overlay's title.
    pub help_title: &'static str,
    /// More below, on a scrolled box's bottom border.
    pub more: &'static str,
    /// The window is too small: needed width, height, current width, height.
    pub too_small: fn(u16, u16, u16, u16) -> String,
    /// The language tag in the title bar.
    pub lang_tag: &'static str,
    /// A question with several right choices: how many.
    pub choose_note: fn(usize) -> String,
    /// A graded question: right, not answered, wrong.
    pub verdicts: [&'static str; 3],
    /// A month on the heatmap (1–12).
    pub month: fn(i8) -> String,
    /// The heatmap's weekday labels: Monday, Wednesday, Friday.
    pub weekdays: [&'static str; 3],
}

/// What the stats screen's summary panel shows, for [`StatsScreenText::summary_rows`].
#[derive(Debug, Clone, Copy)]
pub struct SummaryFigures<'a> {
    /// Current streak, in days.
    pub streak: u32,
    /// Longest streak, in days.
    pub longest: u32,
    /// Reviews today.
    pub today: usize,
    /// Reviews in all.
    pub reviews: usize,
    /// Days studied.
    pub days: usize,
    /// Time studied: hours and minutes.
    pub hours: u64,
    /// Minutes past the hour.
    pub minutes: u64,
    /// Mature and young retention, already formatted.
    pub mature: &'a str,
    /// Young retention.
    pub young: &'a str,
}

/// The stats screen (`crate::ui::screens::stats`).
#[derive(Debug)]
pub struct StatsScreenText {
    /// The title bar.
    pub title: &'static str,
    /// Where the view is: arrow, first row, last row, rows.
    pub scroll: fn(&str, u16, u16, u16) -> String,
    /// No history yet: the headline and what will appear.
    pub empty: [&'static str; 2],
    /// No history yet: the deck's cards and topics.
    pub empty_deck: fn(usize, usize) -> String,
    /// The heatmap's title.
    pub heatmap: &'static str,
    /// The summary panel's title.
    pub summary: &'static str,
    /// The summary panel's rows: label and value.
    pub summary_rows: fn(&SummaryFigures<'_>) -> Vec<(&'static str, String)>,
    /// After a review count in a retention cell (`91% (120회)`).
    pub reviews_unit: &'static str,
    /// The forecast's title: days, due in them, due today.
    pub forecast: fn(usize, usize, usize) -> String,
    /// Nothing due in the forecast.
    pub nothing_due: &'static str,
    /// The forecast's first axis label.
    pub today: &'static str,
    /// The exam panel's title: the pass mark.
    pub exams: fn(u32) -> String,
    /// No exams yet.
    pub no_exams: &'static str,
    /// Pass, fail.
    pub verdicts: [&'static str; 2],
    /// After the title: the last score and its verdict.
    pub last: fn(u32, &str) -> String,
    /// An exam's date on the chart: month, day.
    pub chart_day: fn(i8, i8) -> String,
    /// An exam's date before its bar (five columns): month, day.
    pub bar_day: fn(i8, i8) -> String,
    /// The bars' legend: the pass mark.
    pub legend: fn(u32) -> String,
    /// The topic table's title, its first header and its total row.
    pub topics: [&'static str; 3],
    /// The topic table's other headers with their widths: new, learning, young, mature, retention.
    pub headers: [(&'static str, usize); 5],
    /// What retention counts.
    pub note: &'static str,
}
