//! The end of a study session: what was done (cards by grade, time, retention), when the next card falls
//! due, and what to do next: cram the same cards, study more new cards today, or go back.

use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{MORE_NEW, StudyState};
use crate::core::content::Lang;
use crate::core::srs::SessionSummary;
use crate::ui::screens::Shared;
use crate::ui::text;
use crate::ui::widgets::fmt::clock;
use crate::ui::widgets::rich::scrolled;

/// Draws the summary of `state`'s finished session.
pub(super) fn render(state: &StudyState, frame: &mut Frame, area: Rect, shared: &Shared) {
    let s = state.session.summary(shared.now);
    let lines = lines(&s, shared.now, state.topic.is_some(), shared);
    let title = match shared.lang {
        Lang::En => " Session finished ",
        Lang::Ko => " 학습 완료 ",
    };
    scrolled(frame, area, lines, title.to_string(), &state.scroll, shared);
}

fn lines(s: &SessionSummary, now: Timestamp, one_topic: bool, shared: &Shared) -> Vec<Line<'static>> {
    let (lang, theme) = (shared.lang, &shared.theme);
    let retention = s.accuracy.map_or(0, |a| (a * 100.0).round() as usize);
    let time = clock(s.elapsed.unsigned_abs());
    let [again, hard, good, easy] = s.by_rating;
    let next = s.next_due.map(|due| text::of(lang).wait(due.duration_since(now)));
    let key = |k: &str| Span::styled(format!("{k:>5}  "), theme.key());
    match lang {
        Lang::En => {
            let scope = if one_topic { "this topic" } else { "all topics" };
            vec![
                Line::styled("Nothing more is due now.", theme.title()),
                Line::raw(""),
                Line::raw(format!(
                    "Cards: {} · reviews: {} · time: {time}",
                    s.cards, s.reviews
                )),
                Line::raw(format!("Again {again} · Hard {hard} · Good {good} · Easy {easy}")),
                Line::raw(format!(
                    "Retention this session: {retention}% ({} of {} not Again)",
                    s.correct, s.reviews
                )),
                Line::raw(match next {
                    Some(wait) => format!("Next card due in {wait}."),
                    None => "No studied card is scheduled yet.".to_string(),
                }),
                Line::raw(format!(
                    "Tomorrow: {} due · {} new",
                    s.due_tomorrow, s.new_tomorrow
                )),
                Line::raw(""),
                Line::from(vec![
                    key("c"),
                    Span::raw(format!("cram {scope} (schedule unchanged)")),
                ]),
                Line::from(vec![
                    key("n"),
                    Span::raw(format!("study {MORE_NEW} more new cards today")),
                ]),
                Line::from(vec![key("Esc"), Span::raw("back to home")]),
            ]
        }
        Lang::Ko => {
            let scope = if one_topic { "이 주제" } else { "전체 주제" };
            vec![
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
                    0 => "이번 학습의 기억률: —".to_string(),
                    n => format!(
                        "이번 학습의 기억률: {retention}% (복습 {n}회 중 '다시'를 누르지 않은 응답 {}회)",
                        s.correct
                    ),
                }),
                Line::raw(match next {
                    Some(wait) => format!("다음 카드는 {wait} 후에 복습합니다."),
                    None => "아직 예정된 카드가 없습니다.".to_string(),
                }),
                Line::raw(format!(
                    "내일: 복습할 카드 {}장 · 새 카드 {}장",
                    s.due_tomorrow, s.new_tomorrow
                )),
                Line::raw(""),
                Line::from(vec![
                    key("c"),
                    Span::raw(format!("{scope} 벼락치기 (일정 변경 없음)")),
                ]),
                Line::from(vec![
                    key("n"),
                    Span::raw(format!("오늘 새 카드 {MORE_NEW}장 더 학습")),
                ]),
                Line::from(vec![key("Esc"), Span::raw("홈으로")]),
            ]
        }
    }
}
