//! Cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}` in a field's HTML. Card `n` of a cloze note
//! asks for every deletion numbered `n` (shown as `[...]`, or `[hint]`) and shows the others as their text.

/// The cloze numbers used in `text`, ascending and without repeats.
pub fn numbers(text: &str) -> Vec<u32> {
    let mut found: Vec<u32> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{c") {
        let after = &rest[start + 3..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && after[digits.len()..].starts_with("::")
            && let Ok(n) = digits.parse::<u32>()
            && n > 0
        {
            found.push(n);
        }
        rest = after;
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The question and answer of cloze card `number`: the text with that deletion hidden, and the hidden
/// parts joined by ", ". Deletions may nest; a deletion's hint is shown only where it is hidden.
pub fn card(text: &str, number: u32) -> (String, String) {
    let mut answers = Vec::new();
    let question = render(text, number, &mut answers);
    (question, answers.join(", "))
}

/// Renders `text` with deletion `number` hidden, collecting the hidden texts.
fn render(text: &str, number: u32, answers: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((start, n, body_start)) = next_open(rest) {
        let Some(end) = matching_close(&rest[body_start..]) else {
            break;
        };
        out.push_str(&rest[..start]);
        let inside = &rest[body_start..body_start + end];
        let (body, hint) = split_hint(inside);
        if n == number {
            let mut nested = Vec::new();
            answers.push(render(body, number, &mut nested));
            out.push_str(&format!("[{}]", hint.unwrap_or("...")));
        } else {
            out.push_str(&render(body, number, answers));
        }
        rest = &rest[body_start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// The next `{{cN::`: its start, N, and where its body starts.
fn next_open(text: &str) -> Option<(usize, u32, usize)> {
    let mut from = 0;
    while let Some(offset) = text[from..].find("{{c") {
        let start = from + offset;
        let after = &text[start + 3..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty()
            && after[digits.len()..].starts_with("::")
            && let Ok(n) = digits.parse::<u32>()
        {
            return Some((start, n, start + 3 + digits.len() + 2));
        }
        from = start + 3;
    }
    None
}

/// The offset of the `}}` closing a deletion whose body starts `text`, skipping nested ones.
fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i + 1 < bytes.len() {
        // `{` and `}` are ASCII, so `i` is on a character boundary whenever they match.
        if bytes[i..].starts_with(b"{{c") && next_open(&text[i..]).is_some_and(|(s, _, _)| s == 0) {
            depth += 1;
            i += 3;
        } else if bytes[i..].starts_with(b"}}") {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// `answer::hint` → (`answer`, `Some("hint")`), the hint being after the last top-level `::`.
fn split_hint(inside: &str) -> (&str, Option<&str>) {
    let mut depth = 0usize;
    let mut split = None;
    let mut i = 0;
    while i < inside.len() {
        let rest = &inside[i..];
        if rest.starts_with("{{") {
            depth += 1;
            i += 2;
        } else if rest.starts_with("}}") {
            depth = depth.saturating_sub(1);
            i += 2;
        } else if depth == 0 && rest.starts_with("::") {
            split = Some(i);
            i += 2;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    match split {
        Some(at) => (&inside[..at], Some(&inside[at + 2..])),
        None => (inside, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_card_hides_its_own_deletions() {
        let text = "Timeout at most {{c1::15 minutes}}; memory at most {{c2::10,240 MB::size}}.";
        assert_eq!(numbers(text), [1, 2]);
        assert_eq!(
            card(text, 1),
            (
                "Timeout at most [...]; memory at most 10,240 MB.".into(),
                "15 minutes".into()
            )
        );
        assert_eq!(
            card(text, 2),
            (
                "Timeout at most 15 minutes; memory at most [size].".into(),
                "10,240 MB".into()
            )
        );
    }

    #[test]
    fn repeated_and_nested_deletions() {
        let text = "{{c1::a}} and {{c1::b}}; {{c2::outer {{c3::inner}}}}";
        assert_eq!(numbers(text), [1, 2, 3]);
        assert_eq!(
            card(text, 1),
            ("[...] and [...]; outer inner".into(), "a, b".into())
        );
        assert_eq!(card(text, 2), ("a and b; [...]".into(), "outer inner".into()));
        assert_eq!(card(text, 3), ("a and b; outer [...]".into(), "inner".into()));
    }

    #[test]
    fn text_without_deletions_or_with_broken_ones_survives() {
        assert!(numbers("plain {{c::x}} {{cx::y}}").is_empty());
        assert_eq!(
            card("a {{c1::unclosed", 1),
            ("a {{c1::unclosed".into(), String::new())
        );
        assert_eq!(card("한국어 {{c1::서울}}", 1).1, "서울");
    }
}
