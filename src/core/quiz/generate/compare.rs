//! Questions from comparison tables: "Edge functions — which option has Maximum run time: Sub-millisecond?"
//!
//! One question per row, asking for one option's value (which option is picked by the question's random
//! stream). The choices are the table's options, each with its own value of the row as the reason; the
//! explanation lists the whole row. A row is skipped when two of its values (or two options) read the same,
//! because then the question would have two right answers.

use rand::RngExt;

use crate::core::content::{Compare, Keywords, Lang, global_id};

use super::super::question::{QChoice, Question, QuestionSource, compare_row_suffix, shuffled};
use super::super::seed::item_rng;
use super::{all_distinct, per_lang};

/// The question for row `row` of `compare` in topic `topic`, or `None` when the row cannot give a question
/// with exactly one right answer.
pub fn question(topic: &str, compare: &Compare, row: usize, seed: u64) -> Option<Question> {
    if !options_askable(compare) || !row_askable(compare, row) {
        return None;
    }
    let r = compare.rows.get(row)?;
    let k = compare.options.len();
    let card = global_id(topic, &compare.id);
    let id = format!("{card}{}", compare_row_suffix(row));
    let target = item_rng(seed, &format!("{id}/target")).random_range(0..k);
    let value = &r.values[target];
    let prompt = per_lang(|l| match l {
        Lang::En => format!(
            "{} — which option has {}: {}?",
            compare.title.get(l),
            r.attribute.get(l),
            value.get(l)
        ),
        Lang::Ko => format!(
            "{} — 다음 중 '{}' 항목이 '{}'인 것은 무엇입니까?",
            compare.title.get(l),
            r.attribute.get(l),
            value.get(l)
        ),
    });
    let keywords = Keywords::localized(
        vec![
            r.attribute.get(Lang::En).to_string(),
            value.get(Lang::En).to_string(),
        ],
        vec![
            r.attribute.get(Lang::Ko).to_string(),
            value.get(Lang::Ko).to_string(),
        ],
    );
    let line = |l: Lang, i: usize| format!("{}: {}", compare.options[i].get(l), r.values[i].get(l));
    let choices = (0..k)
        .map(|i| QChoice {
            text: compare.options[i].clone(),
            correct: i == target,
            why: Some(per_lang(|l| format!("{} — {}", r.attribute.get(l), line(l, i)))),
        })
        .collect();
    let explanation = per_lang(|l| {
        let lines: Vec<String> = (0..k).map(|i| format!("- {}", line(l, i))).collect();
        format!("{}:\n{}", r.attribute.get(l), lines.join("\n"))
    });
    Some(Question {
        choices: shuffled(choices, seed, &id),
        id,
        card,
        topic: topic.to_string(),
        source: QuestionSource::CompareRow { row },
        prompt,
        keywords,
        choose: 1,
        explanation,
        reference: compare.sources.first().cloned(),
    })
}

/// Whether the table's options can be the choices of a question: at least two, all different.
pub fn options_askable(compare: &Compare) -> bool {
    compare.options.len() >= 2 && all_distinct(&compare.options.iter().collect::<Vec<_>>())
}

/// Whether row `row` can be asked (given [`options_askable`]): it exists, has a value per option, all
/// different.
pub fn row_askable(compare: &Compare, row: usize) -> bool {
    compare.rows.get(row).is_some_and(|r| {
        r.values.len() == compare.options.len() && all_distinct(&r.values.iter().collect::<Vec<_>>())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{CompareRow, Text};

    fn table(rows: &[[&str; 3]]) -> Compare {
        Compare {
            id: "cmp".into(),
            title: Text::localized("Edge functions", "엣지 함수"),
            options: vec![Text::plain("A"), Text::plain("B"), Text::plain("C")],
            rows: rows
                .iter()
                .map(|vals| CompareRow {
                    attribute: Text::localized("Max run time", "최대 실행 시간"),
                    values: vals.iter().map(|v| Text::plain(*v)).collect(),
                })
                .collect(),
            sources: vec!["https://example.com/cmp".into()],
        }
    }

    #[test]
    fn the_right_choice_is_the_option_whose_value_is_asked() {
        let c = table(&[["1 s", "5 s", "30 s"]]);
        for seed in 0..30 {
            let q = question("edge", &c, 0, seed).unwrap();
            assert_eq!(q.id, "edge/cmp#row0");
            assert_eq!(q.card, "edge/cmp");
            assert_eq!(q.correct_indices().len(), 1);
            let right = &q.choices[q.correct_indices()[0]].text;
            let col = c.options.iter().position(|o| o == right).unwrap();
            assert!(
                q.prompt
                    .get(Lang::En)
                    .ends_with(&format!(": {}?", c.rows[0].values[col].get(Lang::En)))
            );
            // Korean quotes the row and the value and asks like every other question (…입니까?).
            let value = c.rows[0].values[col].get(Lang::Ko);
            assert!(
                q.prompt.get(Lang::Ko).ends_with(&format!(
                    "다음 중 '최대 실행 시간' 항목이 '{value}'인 것은 무엇입니까?"
                )),
                "{}",
                q.prompt.get(Lang::Ko)
            );
        }
    }

    #[test]
    fn every_choice_has_its_own_value_as_the_reason_and_the_explanation_lists_the_row() {
        let c = table(&[["1 s", "5 s", "30 s"]]);
        let q = question("edge", &c, 0, 4).unwrap();
        for ch in &q.choices {
            let col = c.options.iter().position(|o| *o == ch.text).unwrap();
            let why = ch.why.as_ref().unwrap().get(Lang::En);
            assert!(why.ends_with(&format!(
                "{}: {}",
                ch.text.get(Lang::En),
                c.rows[0].values[col].get(Lang::En)
            )));
        }
        assert_eq!(
            q.explanation.get(Lang::En),
            "Max run time:\n- A: 1 s\n- B: 5 s\n- C: 30 s"
        );
    }

    #[test]
    fn rows_with_coinciding_values_are_skipped() {
        let c = table(&[["No", "Yes", "no"], ["x", "y", "z"]]);
        assert!(question("edge", &c, 0, 1).is_none(), "A and C both say no");
        assert!(question("edge", &c, 1, 1).is_some());
        assert!(question("edge", &c, 2, 1).is_none(), "no such row");
    }

    #[test]
    fn which_option_is_asked_varies_with_the_seed() {
        let c = table(&[["1 s", "5 s", "30 s"]]);
        let asked: std::collections::HashSet<String> = (0..40)
            .map(|s| {
                question("edge", &c, 0, s)
                    .unwrap()
                    .prompt
                    .get(Lang::En)
                    .to_string()
            })
            .collect();
        assert_eq!(asked.len(), 3);
    }
}
