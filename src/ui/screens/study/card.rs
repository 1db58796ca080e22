//! The card's lines: a fact's question and, once shown, its answer, detail, correction and source; a
//! scenario as a question with the learner's picks and, once answered, every choice's verdict and reason.

use ratatui::text::{Line, Span};

use super::StudyState;
use crate::core::content::{Item, Lang};
use crate::core::srs::{Current, Phase};
use crate::text;
use crate::ui::screens::Shared;
use crate::ui::widgets::{question_view, rich};

/// The lines of the card on screen.
pub(super) fn lines<'a>(state: &'a StudyState, current: &Current, shared: &'a Shared) -> Vec<Line<'a>> {
    let lang = shared.lang;
    let theme = &shared.theme;
    let mut lines = Vec::new();
    let Some((at, item)) = shared
        .deck
        .find(&current.card)
        .and_then(|at| shared.deck.item(at).map(|i| (at, i)))
    else {
        return lines;
    };
    let topic = &shared.deck.topics()[at.topic];
    lines.push(Line::styled(
        format!(
            "{} · {}",
            topic.title.get(lang),
            phase_label(current.state.phase, lang)
        ),
        theme.dim(),
    ));
    lines.push(Line::raw(""));
    match (item, &state.question) {
        (_, Some(question)) => {
            let picked: Vec<usize> = state.picked.iter().copied().collect();
            lines.extend(question_view::lines(
                question,
                &picked,
                state.graded.as_ref(),
                shared.highlights.show(state.graded.is_some()),
                lang,
                theme,
            ));
        }
        (Item::Fact(f), None) => {
            lines.push(Line::styled(f.prompt.get(lang), theme.title()));
            if current.revealed {
                lines.push(Line::raw(""));
                lines.push(Line::styled(f.answer.get(lang), theme.good()));
                if let Some(detail) = &f.detail {
                    lines.push(Line::raw(""));
                    lines.extend(rich::body_lines(detail.get(lang), theme.text()));
                }
                if let Some(correction) = &f.correction {
                    let label = text::of(lang).study().correction;
                    lines.push(Line::from(vec![
                        Span::styled(label, theme.warn()),
                        Span::raw(correction.get(lang)),
                    ]));
                }
                lines.push(rich::source_line(&f.source, theme.dim()));
            }
        }
        (other, None) => lines.push(Line::raw(other.headline().get(lang))),
    }
    lines
}

/// The card's phase in the interface language.
fn phase_label(phase: Phase, lang: Lang) -> &'static str {
    let [new, learning, review, relearning] = text::of(lang).study().phases;
    match phase {
        Phase::New => new,
        Phase::Learning => learning,
        Phase::Review => review,
        Phase::Relearning => relearning,
    }
}
