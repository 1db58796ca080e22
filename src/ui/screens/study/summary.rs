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
    // Nothing answered: the session did not "finish" anything, it had nothing to show.
    let title = match (shared.lang, s.reviews) {
        (Lang::En, 0) => " Study ",
        (Lang::Ko, 0) => " 학습 ",
        (Lang::En, _) => " Session finished ",
        (Lang::Ko, _) => " 학습 완료 ",
    };
    scrolled(frame, area, lines, title.to_string(), &state.scroll, shared);
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
    let mut lines = match (lang, s.reviews) {
        (Lang::En, 0) => vec![
            Line::styled("Nothing to study now.", theme.title()),
            Line::raw(""),
            Line::raw(format!(
                "Tomorrow: {} due · {} new",
                s.due_tomorrow, s.new_tomorrow
            )),
        ],
        (Lang::Ko, 0) => vec![
            Line::styled("지금 학습할 카드가 없습니다.", theme.title()),
            Line::raw(""),
            Line::raw(format!(
                "내일: 복습할 카드 {}장 · 새 카드 {}장",
                s.due_tomorrow, s.new_tomorrow
            )),
        ],
        (Lang::En, _) => vec![
            Line::styled("Nothing more is due now.", theme.title()),
            Line::raw(""),
            Line::raw(format!(
                "Cards: {} · reviews: {} · time: {time}",
                s.cards, s.reviews
            )),
            Line::raw(format!("Again {again} · Hard {hard} · Good {good} · Easy {easy}")),
            Line::raw(match s.reviews {
                0 => "No card was answered in this session.".to_string(),
                n => format!(
                    "Retention this session: {retention}% ({} of {n} not Again)",
                    s.correct
                ),
            }),
            Line::raw(match &wait {
                Some(wait) => format!("Next card due in {wait}."),
                None => "No studied card is scheduled yet.".to_string(),
            }),
            Line::raw(format!(
                "Tomorrow: {} due · {} new",
                s.due_tomorrow, s.new_tomorrow
            )),
        ],
        (Lang::Ko, _) => vec![
            Line::styled("지금 복습할 카드가 더 없습니다.", theme.title()),
            Line::raw(""),
            Line::raw(format!(
                "카드 {}장 · 복습 {}회 · 소요 시간 {time}",
                s.cards, s.reviews
            )),
            Line::raw(format!(
                "다시 {again} · 어려움 {hard} · 알맞음 {good} · 쉬움 {easy}"
            )),
            Line::raw(match s.reviews {
                0 => "이번 학습에서 답한 카드가 없습니다.".to_string(),
                n => format!(
                    "이번 학습의 기억률: {retention}% (복습 {n}회 중 '다시'를 누르지 않은 응답 {}회)",
                    s.correct
                ),
            }),
            Line::raw(match &wait {
                Some(wait) => format!("다음 카드는 {wait} 후에 복습합니다."),
                None => "아직 예정된 카드가 없습니다.".to_string(),
            }),
            Line::raw(format!(
                "내일: 복습할 카드 {}장 · 새 카드 {}장",
                s.due_tomorrow, s.new_tomorrow
            )),
        ],
    };
    if next.scheduled {
        lines.extend(new_card_lines(s, shared));
    }
    lines.push(Line::raw(""));
    let scope = match (lang, next.one_topic) {
        (Lang::En, true) => "every card of this topic",
        (Lang::En, false) => "every card of all topics",
        (Lang::Ko, true) => "이 주제의 모든 카드",
        (Lang::Ko, false) => "전체 주제의 모든 카드",
    };
    let cram = match lang {
        Lang::En => "(schedule unchanged)",
        Lang::Ko => "(일정 변경 없음)",
    };
    if next.studied > 0 {
        let these = match lang {
            Lang::En => format!("cram these {} card(s) again {cram}", next.studied),
            Lang::Ko => format!("방금 학습한 카드 {}장 다시 벼락치기 {cram}", next.studied),
        };
        lines.push(Line::from(vec![key("c"), Span::raw(these)]));
        let all = match lang {
            Lang::En => format!("cram {scope} {cram}"),
            Lang::Ko => format!("{scope} 벼락치기 {cram}"),
        };
        lines.push(Line::from(vec![key("C"), Span::raw(all)]));
    } else {
        let all = match lang {
            Lang::En => format!("cram {scope} {cram}"),
            Lang::Ko => format!("{scope} 벼락치기 {cram}"),
        };
        lines.push(Line::from(vec![key("c"), Span::raw(all)]));
    }
    let (more, back) = match lang {
        Lang::En => (format!("study {MORE_NEW} more new cards today"), "back to home"),
        Lang::Ko => (format!("오늘 새 카드 {MORE_NEW}장 더 학습"), "홈으로"),
    };
    lines.push(Line::from(vec![key("n"), Span::raw(more)]));
    lines.push(Line::from(vec![key("Esc"), Span::raw(back)]));
    lines
}

/// Why no new card is left today: the daily limit, or related cards studied today.
fn new_card_lines(s: &SessionSummary, shared: &Shared) -> Vec<Line<'static>> {
    let lang = shared.lang;
    let limit = shared.limits.new_per_day;
    let mut lines = Vec::new();
    if s.new_over_limit > 0 {
        lines.push(Line::styled(
            match lang {
                Lang::En => format!(
                    "Today's limit of {limit} new cards is used up: {} more wait (n adds {MORE_NEW} today).",
                    s.new_over_limit
                ),
                Lang::Ko => format!(
                    "오늘의 새 카드 한도 {limit}장을 다 썼습니다. 새 카드 {}장이 남아 있습니다(n으로 오늘 {MORE_NEW}장 추가).",
                    s.new_over_limit
                ),
            },
            shared.theme.warn(),
        ));
    }
    if s.new_held_back > 0 {
        lines.push(Line::styled(
            match lang {
                Lang::En => format!(
                    "{} new card(s) wait for another day: a related card was studied today.",
                    s.new_held_back
                ),
                Lang::Ko => format!(
                    "새 카드 {}장은 관련 카드를 오늘 학습했으므로 다른 날 나옵니다.",
                    s.new_held_back
                ),
            },
            shared.theme.dim(),
        ));
    }
    lines
}
