//! Which fields a card shows: read from its note type's templates (`{{Front}}` on the question side,
//! `{{FrontSide}}<hr id=answer>{{Back}}` on the answer side), so "Basic (and reversed card)", "type in the
//! answer" and renamed fields all give the right prompt and answer.

use super::collection::Notetype;

/// The fields one card shows, as indices into the note's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    /// The question (for a cloze card: the field holding the deletions).
    pub prompt: usize,
    /// The answer (unused for a cloze card, whose answer is the hidden text).
    pub answer: usize,
    /// Other fields the answer side shows ("Back Extra"), in order.
    pub extra: Vec<usize>,
}

/// Names a template may use that are not fields.
const SPECIAL: [&str; 8] = [
    "FrontSide",
    "Tags",
    "Deck",
    "Subdeck",
    "Card",
    "CardFlag",
    "Type",
    "CardID",
];

/// `(field name, filters)` of every `{{…}}` reference in `template`, conditionals left out.
fn references(template: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let inside = after[..end].trim();
        rest = &after[end + 2..];
        if inside.starts_with(['#', '^', '/', '!']) {
            continue;
        }
        let mut parts: Vec<String> = inside.split(':').map(|p| p.trim().to_string()).collect();
        let name = parts.pop().unwrap_or_default();
        if !name.is_empty() && !SPECIAL.contains(&name.as_str()) {
            out.push((name, parts));
        }
    }
    out
}

/// The fields card `ord` of a note of `notetype` shows.
pub fn sides(notetype: &Notetype, ord: u32) -> Sides {
    let index = |name: &str| notetype.fields.iter().position(|f| f == name);
    let template = notetype
        .templates
        .iter()
        .find(|t| t.ord == ord)
        .or_else(|| notetype.templates.first());
    let fallback = Sides {
        prompt: 0,
        answer: 1,
        extra: (2..notetype.fields.len()).collect(),
    };
    let Some(template) = template else {
        return fallback;
    };
    let front = references(&template.front);
    let back = references(&template.back);
    let plain = |(name, filters): &(String, Vec<String>)| {
        (!filters.iter().any(|f| f == "type"))
            .then(|| index(name))
            .flatten()
    };
    let prompt = if notetype.cloze {
        front
            .iter()
            .find(|(_, f)| f.iter().any(|f| f == "cloze"))
            .and_then(|(name, _)| index(name))
    } else {
        front.iter().find_map(plain)
    };
    let Some(prompt) = prompt else {
        return fallback;
    };
    let on_front: Vec<usize> = front.iter().filter_map(|(n, _)| index(n)).collect();
    let typed = front
        .iter()
        .find(|(_, f)| f.iter().any(|f| f == "type"))
        .and_then(|(n, _)| index(n));
    let shown: Vec<usize> = back
        .iter()
        .filter_map(|(n, _)| index(n))
        .filter(|i| *i != prompt)
        .collect();
    let answer = shown
        .iter()
        .copied()
        .find(|i| !on_front.contains(i) || Some(*i) == typed)
        .or(typed)
        .unwrap_or(if prompt == 0 { 1 } else { 0 });
    let mut extra: Vec<usize> = Vec::new();
    for i in shown {
        if i != answer && !on_front.contains(&i) && !extra.contains(&i) {
            extra.push(i);
        }
    }
    Sides {
        prompt,
        answer,
        extra,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::anki::collection::Template;

    fn notetype(cloze: bool, fields: &[&str], templates: &[(&str, &str)]) -> Notetype {
        Notetype {
            id: 1,
            name: "t".into(),
            cloze,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            templates: templates
                .iter()
                .enumerate()
                .map(|(i, (q, a))| Template {
                    ord: i as u32,
                    front: q.to_string(),
                    back: a.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn basic_reversed_typed_and_cloze_templates() {
        let reversed = notetype(
            false,
            &["Front", "Back"],
            &[
                ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
                ("{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"),
            ],
        );
        assert_eq!(
            sides(&reversed, 0),
            Sides {
                prompt: 0,
                answer: 1,
                extra: vec![]
            }
        );
        assert_eq!(
            sides(&reversed, 1),
            Sides {
                prompt: 1,
                answer: 0,
                extra: vec![]
            }
        );
        let typed = notetype(
            false,
            &["Front", "Back"],
            &[("{{Front}}\n{{type:Back}}", "{{Front}}<hr id=answer>{{type:Back}}")],
        );
        assert_eq!(sides(&typed, 0).answer, 1);
        let cloze = notetype(
            true,
            &["Text", "Back Extra"],
            &[(
                "{{cloze:Text}}",
                "{{cloze:Text}}<br>\n{{#Back Extra}}{{Back Extra}}{{/Back Extra}}",
            )],
        );
        assert_eq!(
            sides(&cloze, 3),
            Sides {
                prompt: 0,
                answer: 1,
                extra: vec![]
            }
        );
        let three = notetype(
            false,
            &["Word", "Meaning", "Example"],
            &[(
                "{{Word}}",
                "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}",
            )],
        );
        assert_eq!(
            sides(&three, 0),
            Sides {
                prompt: 0,
                answer: 1,
                extra: vec![2]
            }
        );
    }
}
