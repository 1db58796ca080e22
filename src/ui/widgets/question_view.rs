//! A multiple-choice question as lines: the prompt (its keywords highlighted when the caller says so),
//! numbered choices with the learner's picks, and — once graded — a verdict and a reason for every choice
//! plus the explanation.

use ratatui::text::{Line, Span};

use crate::core::content::Lang;
use crate::core::quiz::{Graded, Question, Verdict};
use crate::ui::theme::Theme;
use crate::ui::widgets::rich;

/// Builds the lines of `question` with `chosen` picks; `graded` shows the verdicts and reasons;
/// `highlight` marks the prompt's keywords.
pub fn lines<'q>(
    question: &'q Question,
    chosen: &[usize],
    graded: Option<&Graded>,
    highlight: bool,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'q>> {
    let keywords: &[String] = if highlight {
        question.keywords.get(lang)
    } else {
        &[]
    };
    let mut lines = vec![rich::highlight_phrases(
        question.prompt.get(lang),
        keywords,
        theme.text(),
        theme.highlight(),
    )];
    let prompt = question.prompt.get(lang).to_lowercase();
    if question.choose > 1 && !prompt.contains("choose") && !prompt.contains("선택") {
        let note = (crate::text::of(lang).common().choose_note)(question.choose);
        lines.push(Line::styled(note, theme.warn()));
    }
    lines.push(Line::raw(""));
    for (i, choice) in question.choices.iter().enumerate() {
        let picked = chosen.contains(&i);
        let verdict = graded.and_then(|g| g.verdicts.get(i).copied());
        let (mark, style) = match verdict {
            Some(Verdict::Hit) => ("✓", theme.good()),
            Some(Verdict::Missed) => ("✓", theme.warn()),
            Some(Verdict::WrongPick) => ("✗", theme.bad()),
            Some(Verdict::Avoided) => (" ", theme.dim()),
            None if picked => ("●", theme.key()),
            None => ("○", theme.text()),
        };
        let pick = if picked { "[x]" } else { "[ ]" };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} {pick} {}. ", i + 1), style),
            Span::styled(choice.text.get(lang), style),
        ]));
        // Reasons are indented under their choice's text (the marker above is 9 columns); wrapping keeps
        // the indent.
        if let (Some(_), Some(why)) = (verdict, &choice.why) {
            lines.push(Line::styled(format!("{:9}{}", "", why.get(lang)), theme.dim()));
        }
    }
    if let Some(graded) = graded {
        lines.push(Line::raw(""));
        let [right, unanswered, wrong] = crate::text::of(lang).common().verdicts;
        let verdict = match (graded.correct, graded.chosen.is_empty()) {
            (true, _) => Span::styled(right, theme.good()),
            (false, true) => Span::styled(unanswered, theme.bad()),
            (false, false) => Span::styled(wrong, theme.bad()),
        };
        lines.push(Line::from(verdict));
        lines.extend(rich::body_lines(question.explanation.get(lang), theme.text()));
        if let Some(url) = &question.reference {
            lines.push(rich::source_line(url, theme.dim()));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content;
    use crate::io::deck::bundled_files;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    /// The bundled deck's first scenario, as a new card shows it.
    fn first_bundled_question() -> Question {
        let deck = content::load(&bundled_files().0).deck;
        let topic = &deck.topics()[0];
        topic
            .scenarios
            .iter()
            .find_map(|s| Question::shown(&topic.id, s, 0))
            .expect("the bundled deck has scenarios")
    }

    /// Every wrapped choice and reason hangs under the choice's text (column 9), whatever its state: not
    /// answered yet and picked or not, or graded with each verdict.
    #[test]
    fn wrapped_choices_and_reasons_hang_under_the_choice_text() {
        let question = first_bundled_question();
        let n = question.choices.len();
        let theme = Theme::new(false);
        let mut states: Vec<(Vec<usize>, Option<Graded>)> = vec![(vec![], None), (vec![0, 1], None)];
        for verdict in [
            Verdict::Hit,
            Verdict::Missed,
            Verdict::WrongPick,
            Verdict::Avoided,
        ] {
            let graded = Graded {
                chosen: vec![0],
                correct: false,
                verdicts: vec![verdict; n],
            };
            states.push((vec![0], Some(graded)));
        }
        for (chosen, graded) in states {
            let lines = lines(&question, &chosen, graded.as_ref(), true, Lang::En, &theme);
            let is_choice = |l: &Line| l.spans.len() == 2 && l.spans[0].content.ends_with(". ");
            let choice_lines = lines
                .iter()
                .filter(|l| is_choice(l) || text(l).starts_with(&" ".repeat(9)));
            let mut checked = 0;
            for line in choice_lines {
                for row in rich::wrap_lines(std::slice::from_ref(line), 24).iter().skip(1) {
                    let row = text(row);
                    assert!(
                        row.starts_with(&" ".repeat(9)) && !row[9..].starts_with(' '),
                        "{row:?} does not hang at column 9 ({graded:?})"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 0, "some choice wraps at 24 columns");
        }
    }

    /// Keywords are marked only when the caller asks: an open exam question shows none.
    #[test]
    fn keywords_are_highlighted_only_on_request() {
        let question = first_bundled_question();
        assert!(
            !question.keywords.get(Lang::En).is_empty(),
            "the first scenario has keywords"
        );
        let theme = Theme::new(true);
        let marked = |highlight: bool| {
            let lines = lines(&question, &[], None, highlight, Lang::En, &theme);
            lines[0]
                .spans
                .iter()
                .filter(|s| s.style == theme.highlight())
                .count()
        };
        assert!(marked(true) > 0);
        assert_eq!(marked(false), 0);
    }
}
