//! English words of the screens (see `crate::text::screens`).

use crate::text::screens::{
    BrowseText, CommonText, ExamText, HomeText, QuizText, SearchText, StatsScreenText, StudyText, SummaryText,
};

/// The exam screen.
pub static EXAM: ExamText = ExamText {
    title: "Exam",
    quit_question: |left| {
        format!(
            "Quit recall?\n\nThe exam is kept with {left} left; continue it from home with c. Its clock \
             stops while recall is closed.\n\ny or q: quit    Esc: back to the exam"
        )
    },
    header: |n, total, left, answered, flagged| {
        format!(" {n}/{total} · ⏱ {left} left · {answered} answered · {flagged} flagged ")
    },
    flagged: "⚑ flagged for review",
    states: ["answered  ", "incomplete", "unanswered"],
    review_title: " Review — Enter: go to question · S: submit · Esc: back ",
    review_rows: |at, total, first, last| {
        format!(" {at}/{total} · rows {first}–{last} · PgUp PgDn Home End ")
    },
    confirm: |answered, unanswered, flagged, left| {
        format!(
            "Submit the exam now?\n\n{answered} answered, {unanswered} unanswered, {flagged} flagged. {left} \
             left.\n\nEnter: submit    Esc: keep working"
        )
    },
    result_question: |n, total| format!("── Question {n}/{total} (←/→) ──"),
    result_title: " Exam result ",
    verdicts: ["PASS", "FAIL"],
    pass_mark: |mark| format!("  (pass mark {mark})"),
    scale_note: "The scaled score is a linear approximation of AWS's scaling: 100 + 900 × right/total.",
    result_counts: |right, total, used, limit, timed_out| {
        format!(
            "{right} of {total} right · time used {used} of {limit}{}",
            if timed_out { " (time ran out)" } else { "" }
        )
    },
};

/// The home screen.
pub static HOME: HomeText = HomeText {
    title: "Home",
    row: |due, new| format!("due {due:>3} · new {new:>2} · "),
    heading: |due, new| format!(" Topics — today: {due} due, {new} new (limits shared by all topics) "),
    start: " Start ",
    study: |topic, due, new| format!("study {topic}: {due} due, {new} new"),
    study_all: |due, new| format!("study all topics: {due} due, {new} new"),
    quiz: |topic| format!("quiz {topic} (10 questions) · Z all topics"),
    exam: |questions, minutes| format!("mock exam ({questions} questions, {minutes} minutes)"),
    browse: "browse the selected topic · b all topics · / search",
    resume: |left| format!("continue the interrupted exam ({left} left)"),
    open_exam: (
        "An exam is still open. What should happen to it?",
        |left| format!("continue it ({left} left)"),
        "discard it (recorded as abandoned) and start a new exam",
        "cancel",
    ),
};

/// The study screen.
pub static STUDY: StudyText = StudyText {
    title: ["Study", "Study (cram: schedule unchanged)"],
    remaining: |due, learning, new| format!(" due {due} · learning {learning} · new {new} "),
    pick_first: |choose, keys| format!("Pick {choose} with {keys} first, then Enter."),
    reveal: |key| format!("{key}: show answer"),
    choose: |keys| format!("choose with {keys}, then Enter to answer"),
    grades: ["Again", "Hard", "Good", "Easy"],
    nothing_left: [
        "Nothing left to study in this scope.",
        "Nothing left to study in this scope.",
    ],
    correction: "Correction: ",
    phases: ["new card", "learning", "review", "relearning"],
};

/// The end of a study session.
pub static SUMMARY: SummaryText = SummaryText {
    titles: [" Study ", " Session finished "],
    headlines: ["Nothing to study now.", "Nothing more is due now."],
    counts: |cards, reviews, time| format!("Cards: {cards} · reviews: {reviews} · time: {time}"),
    by_grade: |again, hard, good, easy| format!("Again {again} · Hard {hard} · Good {good} · Easy {easy}"),
    retention: |pct, correct, reviews| {
        format!("Retention this session: {pct}% ({correct} of {reviews} not Again)")
    },
    next_due: |wait| format!("Next card due in {wait}."),
    none_scheduled: "No studied card is scheduled yet.",
    tomorrow: |due, new| format!("Tomorrow: {due} due · {new} new"),
    scopes: ["every card of this topic", "every card of all topics"],
    cram_note: "(schedule unchanged)",
    cram_these: |n, note| format!("cram these {n} card(s) again {note}"),
    cram_scope: |scope, note| format!("cram {scope} {note}"),
    more_new: |n| format!("study {n} more new cards today"),
    back: "back to home",
    over_limit: |limit, waiting, more| {
        format!("Today's limit of {limit} new cards is used up: {waiting} more wait (n adds {more} today).")
    },
    held_back: |n| format!("{n} new card(s) wait for another day: a related card was studied today."),
};

/// The quiz screen.
pub static QUIZ: QuizText = QuizText {
    title: "Quiz",
    pick_first: |choose, keys| format!("Pick {choose} with {keys} first."),
    choose: |keys| format!("Pick with {keys}, then Enter to answer."),
    question_title: |n, total, right, answered| format!(" Question {n}/{total} · score {right}/{answered} "),
    finished_title: " Quiz finished — Enter or Esc to leave ",
    missed: |n| format!("Missed ({n}):"),
    score: |right, total, pct, skipped| format!("{right} of {total} right ({pct}%), {skipped} skipped"),
};

/// The browse screen.
pub static BROWSE: BrowseText = BrowseText {
    title: "Browse",
    empty: ["Nothing here in this topic."; 4],
    headers: ["Question", "Answer"],
    correction: "Correction: ",
    more: " ↓ more (PgDn) ",
    reveal: "Press a to show the answer.",
    choose: |n| format!(" · choose {n}"),
};

/// The search screen.
pub static SEARCH: SearchText = SearchText {
    title: "Search",
    prompt: " Search (words, both languages; Hangul initials: ㅅㅂㄹㅅ → 서버리스) ",
    states: [
        " indexing… ",
        " Type to search every note, fact, table and scenario ",
        " searching… ",
        " no match ",
    ],
    results: [|n| format!(" {n} results "), |n| format!(" {n}+ results ")],
};

/// The shared widgets.
pub static COMMON: CommonText = CommonText {
    help_title: " Keys (Esc closes) ",
    more: " ↓ more ",
    too_small: |w, h, now_w, now_h| format!("make the window larger (needs {w}×{h}, now {now_w}×{now_h})"),
    lang_tag: "EN",
    choose_note: |n| format!("(Choose {n}.)"),
    verdicts: ["Correct.", "Not answered.", "Wrong."],
    month: |m| {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        NAMES[usize::try_from(m - 1).unwrap_or(0).min(11)].to_string()
    },
    weekdays: ["Mon", "Wed", "Fri"],
};

/// "1 day", "3 days".
fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// The stats screen.
pub static STATS_SCREEN: StatsScreenText = StatsScreenText {
    title: "Stats",
    scroll: |arrow, from, to, height| format!(" {arrow} {from}–{to}/{height} · ↑↓ PgUp PgDn scroll"),
    empty: [
        "No reviews yet — press s on home to study.",
        "After your first reviews this screen shows reviews per day, the cards due in the next 30 days, your \
         streak and time studied, retention per topic, and your mock exam scores (press e on home to sit an \
         exam).",
    ],
    empty_deck: |cards, topics| format!("Deck: {cards} cards in {topics} topics, all new."),
    heatmap: "Reviews per day",
    summary: "Summary",
    // Reviews take two rows, like retention: a four-digit total on one row would wrap in the 32-column panel.
    summary_rows: |f| {
        vec![
            ("Streak", format!("{} · best {}", days(f.streak), f.longest)),
            ("Reviews", format!("{} today", f.today)),
            ("", format!("{} in all", f.reviews)),
            ("Days", format!("{} studied", f.days)),
            ("Time", format!("{}h {:02}m", f.hours, f.minutes)),
            ("Retention", format!("mature {}", f.mature)),
            ("", format!("young {}", f.young)),
        ]
    },
    reviews_unit: "",
    forecast: |days, total, today| format!(" Due in the next {days} days: {total} · today {today} "),
    nothing_due: "Nothing due.",
    today: "today",
    exams: |pass| format!(" Mock exams (pass {pass}) "),
    no_exams: "No mock exams yet — press e on home to sit one.",
    verdicts: ["pass", "fail"],
    last: |score, verdict| format!("· last {score} {verdict} "),
    chart_day: |month, day| format!("{month:02}-{day:02}"),
    bar_day: |month, day| format!("{month:02}-{day:02}"),
    legend: |pass| format!("┃ pass mark {pass} · scale 100–1000"),
    topics: ["Topics", "Topic", "All"],
    headers: [
        ("New", 8),
        ("Learning", 9),
        ("Young", 6),
        ("Mature", 7),
        ("Retention", 11),
    ],
    note: "Retention: reviews of mature cards (interval ≥ 21 days) not graded Again",
};
