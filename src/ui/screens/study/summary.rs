//! The end of a study session: what was done (cards by grade, time, retention), when the next card falls
//! due, why no new card is left, and what to do next: cram the cards of this session again (`c`) or every
//! card of the scope (`C`), study more new cards today, or go back.

use jiff::{SignedDuration, Timestamp};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{MORE_NEW, StudyState};
use crate::core::content::Lang;
use crate::core::percent::percent;
use crate::core::srs::{Mode, NextDue, SessionSummary};
use crate::text;
use crate::ui::screens::Shared;
use crate::ui::widgets::fmt::clock;
use crate::ui::widgets::rich::scrolled;

/// Draws the summary of `state`'s finished session.
pub(super) fn render(state: &StudyState, frame: &mut Frame, area: Rect, shared: &Shared) {
    let s = state.session.summary(shared.now);
    let next = Next {
        studied: state.session.studied().len(),
        one_topic: state.topic.is_some(),
        scheduled: state.session.mode() == Mode::Scheduled,
    };
    let lines = lines(&s, shared.now, next, shared);
    // Nothing answered: the session did not "finish" anything, it had nothing to show (K09).
    let title = text::of(shared.lang).summary().titles[usize::from(s.reviews > 0)];
    scrolled(
        frame,
        area,
        lines,
        title.to_string(),
        &state.scroll,
        shared.look(),
    );
}

/// What the summary's keys will do.
#[derive(Clone, Copy)]
struct Next {
    /// Cards graded in this session (what `c` crams again).
    studied: usize,
    /// One topic, or all.
    one_topic: bool,
    /// A scheduled session (not cram): new-card lines apply.
    scheduled: bool,
}

/// When the next card is due, counted as the grade buttons count: minutes or hours for a learning step
/// today, whole study days otherwise.
fn next_wait(next: NextDue, now: Timestamp, lang: Lang) -> String {
    let wait = match next {
        NextDue::Today(at) => at.duration_since(now),
        NextDue::InDays(days) => SignedDuration::from_hours(24 * i64::from(days)),
    };
    text::of(lang).wait(wait)
}

fn lines(s: &SessionSummary, now: Timestamp, next: Next, shared: &Shared) -> Vec<Line<'static>> {
    let (lang, theme) = (shared.lang, &shared.theme);
    let retention = percent(s.correct, s.reviews);
    let time = clock(s.elapsed.unsigned_abs());
    let [again, hard, good, easy] = s.by_rating;
    let wait = s.next_due.map(|due| next_wait(due, now, lang));
    let key = |k: &str| Span::styled(format!("{k:>5}  "), theme.key());
    let words = text::of(lang).summary();
    let tomorrow = Line::raw((words.tomorrow)(s.due_tomorrow, s.new_tomorrow));
    let mut lines = if s.reviews == 0 {
        vec![
            Line::styled(words.headlines[0], theme.title()),
            Line::raw(""),
            tomorrow,
        ]
    } else {
        vec![
            Line::styled(words.headlines[1], theme.title()),
            Line::raw(""),
            Line::raw((words.counts)(s.cards, s.reviews, &time)),
            Line::raw((words.by_grade)(again, hard, good, easy)),
            Line::raw((words.retention)(retention, s.correct, s.reviews)),
            Line::raw(match &wait {
                Some(wait) => (words.next_due)(wait),
                None => words.none_scheduled.to_string(),
            }),
            tomorrow,
        ]
    };
    if next.scheduled {
        lines.extend(new_card_lines(s, shared));
    }
    lines.push(Line::raw(""));
    let scope = words.scopes[usize::from(!next.one_topic)];
    let cram = words.cram_note;
    if next.studied > 0 {
        let these = (words.cram_these)(next.studied, cram);
        lines.push(Line::from(vec![key("c"), Span::raw(these)]));
        lines.push(Line::from(vec![
            key("C"),
            Span::raw((words.cram_scope)(scope, cram)),
        ]));
    } else {
        lines.push(Line::from(vec![
            key("c"),
            Span::raw((words.cram_scope)(scope, cram)),
        ]));
    }
    let (more, back) = ((words.more_new)(MORE_NEW), words.back);
    lines.push(Line::from(vec![key("n"), Span::raw(more)]));
    lines.push(Line::from(vec![key("Esc"), Span::raw(back)]));
    lines
}

/// Why no new card is left today: the daily limit, or related cards studied today.
fn new_card_lines(s: &SessionSummary, shared: &Shared) -> Vec<Line<'static>> {
    let words = text::of(shared.lang).summary();
    let limit = shared.limits.new_per_day;
    let mut lines = Vec::new();
    if s.new_over_limit > 0 {
        lines.push(Line::styled(
            (words.over_limit)(limit, s.new_over_limit, MORE_NEW),
            shared.theme.warn(),
        ));
    }
    if s.new_held_back > 0 {
        lines.push(Line::styled(
            (words.held_back)(s.new_held_back),
            shared.theme.dim(),
        ));
    }
    lines
}
