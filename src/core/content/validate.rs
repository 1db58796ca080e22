//! Raw → validated: turns the serde mirror of one topic file into a [`Topic`], reporting every problem.
//!
//! Each check reports through the file's [`Reporter`] and keeps going, so one run of `recall check` lists
//! everything that is wrong. An item with an error is dropped; the topic keeps the rest.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::cues;

/// Gives-away warnings listed per fact; the rest are counted in one more warning.
pub const GIVE_AWAYS_SHOWN: usize = 5;
use super::diagnostic::{Reporter, Rule};
use super::model::{Choice, Compare, CompareRow, Fact, Scenario, Section, Topic};
use super::month::{Freshness, Staleness, YearMonth};
use super::raw::{
    RawChoice, RawCompare, RawFact, RawFile, RawKeywords, RawRow, RawScenario, RawSection, RawText, RawTopic,
};
use super::schema::Removed;
use super::text::{Keywords, Lang, Text};

/// Validates one parsed file. Returns the topic if its `[topic]` table is usable.
///
/// `removed` names the values the schema walk already reported as wrongly typed (they are not reported
/// again as missing); with `options.freshness`, items checked too long ago (or never) are reported as stale;
/// with `options.skip_give_aways`, answers given away by other prompts are not looked for.
pub fn validate_file(
    raw: RawFile,
    path: &str,
    removed: &Removed,
    options: &super::LoadOptions,
    reporter: &mut Reporter<'_>,
) -> Option<Topic> {
    let mut v = Validator {
        r: reporter,
        ids: first_definitions(&raw),
        removed,
        freshness: options.freshness,
    };
    let Some(raw_topic) = raw.topic else {
        if !removed.contains_file_key("topic") {
            v.r.error(&(0..0), Rule::MissingTopic, "missing `[topic]` table")
                .hint(
                    r#"start the file with a [topic] table: a line [topic], then id = "…" and title = "…""#,
                );
        }
        return None;
    };
    let header = v.topic(raw_topic);
    let sections = exact(raw.section.into_iter().filter_map(|s| v.section(s)));
    let facts = exact(raw.fact.into_iter().filter_map(|f| v.fact(f)));
    let compares = exact(raw.compare.into_iter().filter_map(|c| v.compare(c)));
    let scenarios = exact(raw.scenario.into_iter().filter_map(|s| v.scenario(s)));
    if !options.skip_give_aways {
        v.give_aways(&facts, &scenarios);
    }
    let (id, title, summary, order) = header?;
    Some(Topic {
        id,
        title,
        summary,
        order,
        path: path.to_string(),
        sections,
        facts,
        compares,
        scenarios,
    })
}

/// Collects a topic's items without the spare capacity a growing vector keeps: the deck holds them for
/// the whole session.
fn exact<T>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.collect();
    items.shrink_to_fit();
    items
}

struct Validator<'r, 'a> {
    r: &'r mut Reporter<'a>,
    /// Each item id of this file with the span of its first definition (in file order, across kinds).
    ids: HashMap<String, Range<usize>>,
    /// Values already reported as wrongly typed.
    removed: &'r Removed,
    /// The `--stale` window, if asked for.
    freshness: Option<Freshness>,
}

type TopicHeader = (String, Text, Option<Text>, i64);

impl Validator<'_, '_> {
    fn topic(&mut self, raw: Spanned<RawTopic>) -> Option<TopicHeader> {
        let span = raw.span();
        let t = raw.into_inner();
        let id = self.id_field(t.id, &span, "[topic]");
        let title = self.text(t.title, "title", &span, "[topic]");
        let summary = self.optional_text(t.summary);
        let order = t.order.map_or(0, Spanned::into_inner);
        Some((id?, title?, summary, order))
    }

    fn section(&mut self, raw: Spanned<RawSection>) -> Option<Section> {
        let span = raw.span();
        let s = raw.into_inner();
        let id = self.item_id(s.id, &span, "[[section]]");
        let title = self.text(s.title, "title", &span, "[[section]]");
        let body = self.text(s.body, "body", &span, "[[section]]");
        let sources = self.sources(s.sources, &span, "[[section]]");
        Some(Section {
            id: id?,
            title: title?,
            body: body?,
            sources: sources?,
        })
    }

    fn fact(&mut self, raw: Spanned<RawFact>) -> Option<Fact> {
        let span = raw.span();
        let f = raw.into_inner();
        let id = self.item_id(f.id, &span, "[[fact]]");
        let prompt = self.text(f.prompt, "prompt", &span, "[[fact]]");
        let answer = self.text(f.answer, "answer", &span, "[[fact]]");
        let detail = self.optional_text(f.detail);
        let correction = self.optional_text(f.correction);
        let group = match f.group {
            Some(g) => Some(self.check_id(g, "group")?),
            None => None,
        };
        let source = self.url_field(f.source, &span, "[[fact]]");
        let checked = self.checked(f.checked, &span, "[[fact]]");
        let related = self.related(f.related, id.as_deref());
        Some(Fact {
            id: id?,
            prompt: prompt?,
            answer: answer?,
            detail,
            correction,
            group,
            related,
            source: source?,
            checked: checked?,
        })
    }

    fn compare(&mut self, raw: Spanned<RawCompare>) -> Option<Compare> {
        let span = raw.span();
        let c = raw.into_inner();
        let id = self.item_id(c.id, &span, "[[compare]]");
        let title = self.text(c.title, "title", &span, "[[compare]]");
        let sources = self.sources(c.sources, &span, "[[compare]]");
        let options = self.text_list(c.options, "options", &span, "[[compare]]");
        if let Some(opts) = &options
            && opts.len() < 2
        {
            self.r
                .error(&span, Rule::RowShape, "a comparison needs at least two options");
            return None;
        }
        if c.row.is_empty() && !self.removed.contains(&span, "row") {
            self.r.error(
                &span,
                Rule::MissingField,
                "missing `[[compare.row]]`: a comparison needs at least one row",
            );
        }
        // Without readable options (missing, or reported as wrongly typed) the row lengths cannot be judged.
        let option_count = options.as_ref().map(Vec::len);
        let rows: Vec<Option<CompareRow>> =
            c.row.into_iter().map(|row| self.row(row, option_count)).collect();
        let rows: Option<Vec<CompareRow>> = rows.into_iter().collect();
        Some(Compare {
            id: id?,
            title: title?,
            options: options?,
            rows: rows?,
            sources: sources?,
        })
    }

    fn row(&mut self, raw: Spanned<RawRow>, option_count: Option<usize>) -> Option<CompareRow> {
        let span = raw.span();
        let row = raw.into_inner();
        let attribute = self.text(row.attribute, "attribute", &span, "[[compare.row]]");
        let values_span = row.values.as_ref().map_or(span.clone(), Spanned::span);
        let values = self.text_list(row.values, "values", &span, "[[compare.row]]")?;
        let option_count = option_count?;
        if values.len() != option_count {
            self.r
                .error(
                    &values_span,
                    Rule::RowShape,
                    format!(
                        "this row has {} values but the comparison has {option_count} options",
                        values.len()
                    ),
                )
                .hint("give exactly one value per option, in option order");
            return None;
        }
        Some(CompareRow {
            attribute: attribute?,
            values,
        })
    }

    fn scenario(&mut self, raw: Spanned<RawScenario>) -> Option<Scenario> {
        let span = raw.span();
        let s = raw.into_inner();
        let id = self.item_id(s.id, &span, "[[scenario]]");
        let prompt = self.text(s.prompt, "prompt", &span, "[[scenario]]");
        let explanation = self.text(s.explanation, "explanation", &span, "[[scenario]]");
        let source = self.url_field(s.source, &span, "[[scenario]]");
        let keywords = match (&s.keywords, &prompt) {
            (Some(k), Some(p)) => self.keywords(k, p),
            _ => Some(Keywords::default()),
        };
        let checked = self.checked(s.checked, &span, "[[scenario]]");
        let related = self.related(s.related, id.as_deref());
        let choices = self.choices(s.choice, &span);
        let scenario = Scenario {
            id: id?,
            prompt: prompt?,
            keywords: keywords?,
            explanation: explanation?,
            source: source?,
            checked: checked?,
            related,
            choices: choices?,
        };
        self.answer_cue(&scenario, &span);
        Some(scenario)
    }

    /// Warns when the right choice is so much longer than every wrong one that a test-taker can pick it
    /// without knowing the answer (see [`super::cues`]).
    fn answer_cue(&mut self, scenario: &Scenario, span: &Range<usize>) {
        let ratios: Vec<(f64, Lang)> = Lang::ALL
            .into_iter()
            .filter_map(|lang| Some((cues::length_ratio(scenario, lang)?, lang)))
            .collect();
        let worst = ratios
            .iter()
            .copied()
            .reduce(|worst, r| if r.0 > worst.0 { r } else { worst });
        if let Some((ratio, lang)) = worst.filter(|(ratio, _)| *ratio >= cues::WARN_RATIO) {
            // Name the language only where the languages differ (a plain-text scenario reads the same).
            let lang = if ratios.iter().all(|r| r.0 == ratio) {
                String::new()
            } else {
                format!(" ({lang})")
            };
            let keys = if scenario.correct_count() == 1 {
                "the right choice is"
            } else {
                "every right choice is"
            };
            self.r
                .warning(
                    span,
                    Rule::AnswerCue,
                    format!(
                        "{keys} {ratio:.1}× as long as the longest wrong one{lang}, so its length gives it away"
                    ),
                )
                .hint("make the wrong choices as long and as specific as the right one (a real service or setting that fails this scenario), or shorten the right one");
        }
    }

    fn choices(&mut self, raw: Vec<Spanned<RawChoice>>, span: &Range<usize>) -> Option<Vec<Choice>> {
        if self.removed.contains(span, "choice") {
            return None;
        }
        if raw.len() < 2 {
            self.r
                .error(
                    span,
                    Rule::TooFewChoices,
                    format!("a scenario needs at least two choices, found {}", raw.len()),
                )
                .hint("add [[scenario.choice]] tables with text, correct and why");
            return None;
        }
        let mut seen: Vec<(String, Range<usize>)> = Vec::new();
        let mut choices = Vec::new();
        let mut ok = true;
        for c in raw {
            let cspan = c.span();
            let c = c.into_inner();
            // A `correct` of the wrong type is reported already; which choice is right is then unknown.
            ok &= !self.removed.contains(&cspan, "correct");
            let text = self.text(c.text, "text", &cspan, "[[scenario.choice]]");
            let why = self.text(c.why, "why", &cspan, "[[scenario.choice]]");
            let (Some(text), Some(why)) = (text, why) else {
                ok = false;
                continue;
            };
            let key = normalize(text.get(Lang::En));
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let first = self.r_position(first);
                self.r
                    .error(
                        &cspan,
                        Rule::DuplicateChoice,
                        format!("duplicate choice \"{}\"", text.get(Lang::En)),
                    )
                    .hint(format!(
                        "the same choice is already at line {}; choices must differ",
                        first.0
                    ));
                ok = false;
            }
            seen.push((key, cspan));
            choices.push(Choice {
                text,
                correct: c.correct.is_some_and(|b| *b.get_ref()),
                why,
            });
        }
        if ok && !choices.iter().any(|c| c.correct) {
            self.r
                .error(
                    span,
                    Rule::NoCorrectChoice,
                    "no choice of this scenario is marked correct",
                )
                .hint("set `correct = true` on the right choice (or on each of several)");
            return None;
        }
        ok.then_some(choices)
    }

    fn keywords(&mut self, raw: &Spanned<RawKeywords>, prompt: &Text) -> Option<Keywords> {
        let span = raw.span();
        let (en, ko) = match raw.get_ref() {
            RawKeywords::Plain(list) => (list.clone(), list.clone()),
            RawKeywords::Localized { en, ko } => {
                if en.is_none() || ko.is_none() {
                    let missing = if en.is_none() { "en" } else { "ko" };
                    self.r
                        .warning(
                            &span,
                            Rule::MissingTranslation,
                            format!("keywords have no `{missing}` list"),
                        )
                        .hint("add the list for every language");
                }
                let en = en.clone().or_else(|| ko.clone()).unwrap_or_default();
                let ko = ko.clone().unwrap_or_else(|| en.clone());
                (en, ko)
            }
        };
        let mut ok = true;
        for (lang, list) in [(Lang::En, &en), (Lang::Ko, &ko)] {
            let haystack = prompt.get(lang).to_lowercase();
            for kw in list {
                ok &= self.check_string(kw, &span);
                if !haystack.contains(&kw.to_lowercase()) {
                    self.r
                        .error(
                            &span,
                            Rule::KeywordNotInPrompt,
                            format!("keyword \"{kw}\" does not occur in the {lang} prompt"),
                        )
                        .hint("keywords are highlighted in the prompt, so each must be a phrase of it");
                    ok = false;
                }
            }
        }
        ok.then(|| Keywords::localized(en, ko))
    }

    // ---- fields -------------------------------------------------------------------------------------

    fn item_id(&mut self, raw: Option<Spanned<String>>, owner: &Range<usize>, table: &str) -> Option<String> {
        let span = raw.as_ref().map(Spanned::span);
        let id = self.id_field(raw, owner, table)?;
        let span = span.expect("an id that passed id_field has a span");
        if let Some(first) = self.ids.get(&id).filter(|first| **first != span) {
            let (line, col) = self.r_position(first);
            self.r
                .error(
                    &span,
                    Rule::DuplicateId,
                    format!("duplicate id `{id}`: already used at line {line}, column {col}"),
                )
                .hint("ids must be unique within a topic file, across all item kinds");
            return None;
        }
        Some(id)
    }

    fn id_field(
        &mut self,
        raw: Option<Spanned<String>>,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<String> {
        match raw {
            None => {
                self.missing(owner, "id", table);
                None
            }
            Some(id) => self.check_id(id, "id"),
        }
    }

    /// Warns when a fact's answer (12 columns or more) appears in another item's prompt and neither lists
    /// the other as `related`: studied first, that item gives the answer away.
    ///
    /// Every answer is looked for in every prompt at once (Aho–Corasick, per language), so a topic costs its
    /// text and the matches, not facts × prompts (a topic of 50,000 facts took hours). A fact whose answer
    /// turns up in many prompts gets [`GIVE_AWAYS_SHOWN`] warnings and one that says how many more there are.
    fn give_aways(&mut self, facts: &[Fact], scenarios: &[Scenario]) {
        let prompts: Vec<(&str, &Text, &[String])> = facts
            .iter()
            .map(|f| (f.id.as_str(), &f.prompt, f.related.as_slice()))
            .chain(
                scenarios
                    .iter()
                    .map(|s| (s.id.as_str(), &s.prompt, s.related.as_slice())),
            )
            .collect();
        // Per language: each fact's distinct answer (if long enough to give away), and every (answer, prompt)
        // found, sorted. Matches are kept per distinct answer, not per fact that has it: copies of one answer
        // across a topic would otherwise multiply them (hundreds of MB on a big generated deck).
        let mut answer_of: Vec<Vec<Option<u32>>> = Vec::new();
        let mut hits: Vec<Vec<(u32, u32)>> = Vec::new();
        for lang in Lang::ALL {
            let mut answers: Vec<String> = Vec::new();
            let mut known: HashMap<String, u32> = HashMap::new();
            let of: Vec<Option<u32>> = facts
                .iter()
                .map(|fact| {
                    let answer = fact.answer.get(lang).trim().trim_end_matches('.').to_lowercase();
                    if unicode_width::UnicodeWidthStr::width(answer.as_str()) < 12
                        || !answer.chars().any(char::is_alphabetic)
                    {
                        return None;
                    }
                    let next = answers.len() as u32;
                    Some(*known.entry(answer).or_insert_with_key(|answer| {
                        answers.push(answer.clone());
                        next
                    }))
                })
                .collect();
            let mut found: Vec<(u32, u32)> = Vec::new();
            // An NFA: a topic's prompts are scanned once, so a DFA would cost more to build than it saves.
            let finder = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(&answers);
            if let Ok(finder) = finder
                && !answers.is_empty()
            {
                for (p, (_, prompt, _)) in prompts.iter().enumerate() {
                    let haystack = prompt.get(lang).to_lowercase();
                    let mut here: Vec<u32> = finder
                        .find_overlapping_iter(&haystack)
                        .map(|m| m.pattern().as_usize() as u32)
                        .collect();
                    here.sort_unstable();
                    here.dedup();
                    found.extend(here.into_iter().map(|answer| (answer, p as u32)));
                }
            }
            found.sort_unstable();
            answer_of.push(of);
            hits.push(found);
        }
        // Which prompts the fact being reported was already warned about (stamped with its index + 1).
        let mut warned_for = vec![0u32; prompts.len()];
        for (f, fact) in facts.iter().enumerate() {
            let stamp = f as u32 + 1;
            let mut shown = 0usize;
            let mut more = 0usize;
            for (l, lang) in Lang::ALL.into_iter().enumerate() {
                let Some(answer) = answer_of[l][f] else {
                    continue;
                };
                let found = &hits[l];
                let from = found.partition_point(|h| h.0 < answer);
                let to = from + found[from..].partition_point(|h| h.0 == answer);
                for &(_, p) in &found[from..to] {
                    let (other, _, other_related) = prompts[p as usize];
                    let related = fact.related.iter().any(|r| r == other) || other_related.contains(&fact.id);
                    if other == fact.id || related || warned_for[p as usize] == stamp {
                        continue;
                    }
                    warned_for[p as usize] = stamp;
                    if shown == GIVE_AWAYS_SHOWN {
                        more += 1;
                        continue;
                    }
                    shown += 1;
                    let Some(span) = self.ids.get(&fact.id).cloned() else {
                        continue;
                    };
                    self.r
                        .warning(
                            &span,
                            Rule::GivesAway,
                            format!(
                                "the answer of \"{}\" appears in the prompt of \"{other}\" ({lang}): studied first, it gives the answer away",
                                fact.id
                            ),
                        )
                        .hint(format!(
                            "add related = [\"{other}\"] to one of the two, so they are never new cards on the same day"
                        ));
                }
            }
            if more > 0
                && let Some(span) = self.ids.get(&fact.id).cloned()
            {
                self.r
                    .warning(
                        &span,
                        Rule::GivesAway,
                        format!(
                            "the answer of \"{}\" also appears in the prompts of {more} more items",
                            fact.id
                        ),
                    )
                    .hint("an answer this common may be too general to ask; or list the items as related");
            }
        }
    }

    /// The `related` ids of item `own`: each must name another item of this file. A bad one is reported
    /// and left out; the item itself stays.
    fn related(&mut self, raw: Option<Spanned<Vec<String>>>, own: Option<&str>) -> Vec<String> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let span = raw.span();
        let mut related = Vec::new();
        for id in raw.into_inner() {
            if Some(id.as_str()) == own {
                self.r
                    .error(
                        &span,
                        Rule::UnknownRelated,
                        format!("\"{id}\" is related to itself"),
                    )
                    .hint("list the other items that give this one's answer away");
            } else if !self.ids.contains_key(&id) {
                self.r
                    .error(
                        &span,
                        Rule::UnknownRelated,
                        format!("no item \"{id}\" in this topic"),
                    )
                    .hint("`related` names items of the same file by their id");
            } else if !related.contains(&id) {
                related.push(id);
            }
        }
        related
    }

    fn check_id(&mut self, raw: Spanned<String>, what: &str) -> Option<String> {
        let span = raw.span();
        let id = raw.into_inner();
        if is_valid_id(&id) {
            return Some(id);
        }
        self.r
            .error(&span, Rule::InvalidId, format!("invalid {what} \"{id}\""))
            .hint("use 1–64 lowercase letters, digits and `-`, starting with a letter or digit");
        None
    }

    fn missing(&mut self, owner: &Range<usize>, field: &str, table: &str) {
        if self.removed.contains(owner, field) {
            return;
        }
        self.r.error(
            owner,
            Rule::MissingField,
            format!("missing required field `{field}` in {table}"),
        );
    }

    fn text(
        &mut self,
        raw: Option<Spanned<RawText>>,
        field: &str,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<Text> {
        match raw {
            None => {
                self.missing(owner, field, table);
                None
            }
            Some(t) => self.convert_text(t),
        }
    }

    fn optional_text(&mut self, raw: Option<Spanned<RawText>>) -> Option<Text> {
        raw.and_then(|t| self.convert_text(t))
    }

    /// Checks and converts one text, moving its strings (deck text is most of a big deck's bytes).
    fn convert_text(&mut self, raw: Spanned<RawText>) -> Option<Text> {
        let span = raw.span();
        match raw.into_inner() {
            RawText::Plain(s) => self.check_string(&s, &span).then(|| Text::plain(s)),
            RawText::Localized { en, ko } => {
                let (en, ko) = match (en, ko) {
                    (Some(en), Some(ko)) => (en, ko),
                    (None, None) => {
                        self.r
                            .error(&span, Rule::EmptyText, "text table has no language")
                            .hint(r#"write { en = "…", ko = "…" } or a plain string"#);
                        return None;
                    }
                    (Some(en), None) => {
                        self.missing_translation(&span, "ko");
                        return self.check_string(&en, &span).then(|| Text::plain(en));
                    }
                    (None, Some(ko)) => {
                        self.missing_translation(&span, "en");
                        return self.check_string(&ko, &span).then(|| Text::plain(ko));
                    }
                };
                let ok = self.check_string(&en, &span) & self.check_string(&ko, &span);
                ok.then(|| Text::localized(en, ko))
            }
        }
    }

    fn missing_translation(&mut self, span: &Range<usize>, missing: &str) {
        self.r
            .warning(
                span,
                Rule::MissingTranslation,
                format!("missing `{missing}` translation"),
            )
            .hint("the other language is shown instead; `recall check --strict` makes this an error");
    }

    fn text_list(
        &mut self,
        raw: Option<Spanned<Vec<Spanned<RawText>>>>,
        field: &str,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<Vec<Text>> {
        let Some(list) = raw else {
            self.missing(owner, field, table);
            return None;
        };
        let converted: Vec<Option<Text>> = list
            .into_inner()
            .into_iter()
            .map(|t| self.convert_text(t))
            .collect();
        converted.into_iter().collect()
    }

    /// Checks one string of text; reports and returns false if it is empty or holds control characters.
    fn check_string(&mut self, s: &str, span: &Range<usize>) -> bool {
        if s.trim().is_empty() {
            self.r
                .error(span, Rule::EmptyText, "empty text")
                .hint("write the text, or remove the field if it is optional");
            return false;
        }
        if let Some(c) = find_forbidden_char(s) {
            self.r
                .error(span, Rule::ControlCharacter, format!("text contains the control character U+{:04X}", c as u32))
                .hint("deck text is shown as plain text: remove escape sequences, tabs and other control characters");
            return false;
        }
        true
    }

    fn url_field(
        &mut self,
        raw: Option<Spanned<String>>,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<String> {
        let Some(url) = raw else {
            self.missing(owner, "source", table);
            return None;
        };
        self.check_url(url)
    }

    fn sources(
        &mut self,
        raw: Option<Spanned<Vec<Spanned<String>>>>,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<Vec<String>> {
        let Some(list) = raw else {
            self.missing(owner, "sources", table);
            return None;
        };
        let span = list.span();
        let list = list.into_inner();
        if list.is_empty() {
            self.r
                .error(&span, Rule::MissingField, "`sources` is empty")
                .hint("name at least one source URL");
            return None;
        }
        let checked: Vec<Option<String>> = list.into_iter().map(|u| self.check_url(u)).collect();
        checked.into_iter().collect()
    }

    fn check_url(&mut self, raw: Spanned<String>) -> Option<String> {
        let span = raw.span();
        let url = raw.into_inner();
        if is_valid_url(&url) {
            return Some(url);
        }
        self.r
            .error(
                &span,
                Rule::MalformedUrl,
                format!("malformed source URL \"{}\"", url.escape_debug()),
            )
            .hint("use an absolute http:// or https:// URL with a host, without spaces");
        None
    }

    /// The optional `checked` month: `Some(None)` when absent, `None` when malformed. Also judges freshness.
    fn checked(
        &mut self,
        raw: Option<Spanned<String>>,
        owner: &Range<usize>,
        table: &str,
    ) -> Option<Option<YearMonth>> {
        let span = raw.as_ref().map_or(owner.clone(), Spanned::span);
        let month = match raw {
            None => None,
            Some(text) => match YearMonth::parse(text.get_ref()) {
                Some(month) => Some(month),
                None => {
                    self.r
                        .error(
                            &span,
                            Rule::InvalidDate,
                            format!("invalid `checked` month \"{}\"", text.get_ref().escape_debug()),
                        )
                        .hint(r#"write the year and month the item was checked, as "YYYY-MM" with a month 01–12: checked = "2026-11""#);
                    return None;
                }
            },
        };
        if let Some(window) = self.freshness
            && let Some(staleness) = window.judge(month)
        {
            self.report_stale(&span, table, month, staleness, window);
        }
        Some(month)
    }

    fn report_stale(
        &mut self,
        span: &Range<usize>,
        table: &str,
        month: Option<YearMonth>,
        staleness: Staleness,
        window: Freshness,
    ) {
        let Freshness { today, max_age } = window;
        let (message, hint) = match (staleness, month) {
            (Staleness::CheckedMonthsAgo(age), Some(month)) => (
                format!(
                    "checked {month}, {age} {} before {today}: older than --stale {max_age}",
                    if age == 1 { "month" } else { "months" }
                ),
                "check the item against its source again, then update `checked`".to_string(),
            ),
            (Staleness::InTheFuture, Some(month)) => (
                format!("checked {month}, which is after the current month {today}"),
                "write the month the item was actually checked".to_string(),
            ),
            _ => (
                format!("this {table} has no `checked` month"),
                format!(r#"check it against its source, then add checked = "{today}""#),
            ),
        };
        self.r.warning(span, Rule::Stale, message).hint(hint);
    }

    fn r_position(&self, span: &Range<usize>) -> (usize, usize) {
        let p = self.r.position(span);
        (p.line, p.col)
    }
}

/// Maps each item id to where it is first defined, so a duplicate is always reported at the later place.
fn first_definitions(raw: &RawFile) -> HashMap<String, Range<usize>> {
    let ids = raw
        .section
        .iter()
        .map(|s| &s.get_ref().id)
        .chain(raw.fact.iter().map(|f| &f.get_ref().id))
        .chain(raw.compare.iter().map(|c| &c.get_ref().id))
        .chain(raw.scenario.iter().map(|s| &s.get_ref().id));
    let mut spans: Vec<(String, Range<usize>)> = ids
        .flatten()
        .map(|id| (id.get_ref().clone(), id.span()))
        .collect();
    spans.sort_by_key(|(_, span)| span.start);
    let mut first = HashMap::new();
    for (id, span) in spans {
        first.entry(id).or_insert(span);
    }
    first
}

/// Whether `id` is 1–64 of `a-z`, `0-9`, `-`, not starting with `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `c` may not appear in deck text: control characters other than newline, and bidi overrides that
/// could make text display differently from what it says.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first forbidden character of `s`, if any.
///
/// Every forbidden character is an ASCII control, or encoded with a lead byte 0xC2 (C1 controls) or 0xE2
/// (bidi controls), so most text (ASCII, Hangul) is cleared by a byte scan without decoding it.
fn find_forbidden_char(s: &str) -> Option<char> {
    let suspect = |b: &u8| (*b < 0x20 && *b != b'\n') || matches!(*b, 0x7F | 0xC2 | 0xE2);
    if !s.as_bytes().iter().any(suspect) {
        return None;
    }
    s.chars().find(|&c| is_forbidden_char(c))
}

/// A pragmatic check for source links: http(s) scheme, a dotted host, no whitespace, control or bidi
/// characters (a U+202E would make a link read differently from where it goes).
pub fn is_valid_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !url.chars().any(|c| c.is_whitespace() || is_forbidden_char(c))
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_kebab() {
        assert!(is_valid_id("pitr-window"));
        assert!(is_valid_id("a1"));
        assert!(!is_valid_id("PITR"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn urls_need_scheme_and_dotted_host() {
        assert!(is_valid_url(
            "https://docs.aws.amazon.com/lambda/latest/dg/welcome.html"
        ));
        assert!(is_valid_url("http://example.com:8080/x?y#z"));
        assert!(!is_valid_url("docs.aws.amazon.com/lambda"));
        assert!(!is_valid_url("https://"));
        assert!(!is_valid_url("https://localhost/x"));
        assert!(!is_valid_url("https://exa mple.com/"));
        assert!(!is_valid_url("ftp://example.com/"));
        assert!(!is_valid_url("https://example.com/\u{202e}fdp.exe"));
        assert!(!is_valid_url("https://example.com/\u{2066}x"));
        assert!(!is_valid_url("https://example.com/\u{85}x"));
        assert!(!is_valid_url("https://example.com/\u{7f}"));
    }

    #[test]
    fn escape_and_bidi_characters_are_forbidden() {
        assert!(is_forbidden_char('\u{1b}'));
        assert!(is_forbidden_char('\t'));
        assert!(is_forbidden_char('\r'));
        assert!(is_forbidden_char('\u{202E}'));
        assert!(!is_forbidden_char('\n'));
        assert!(!is_forbidden_char('람'));
    }

    #[test]
    fn the_byte_scan_finds_what_decoding_finds() {
        let texts = [
            "plain ascii\nwith a newline",
            "한국어 — “quotes” · and → arrows",
            "C1 control \u{85} here",
            "bidi \u{2067}isolate\u{2069}",
            "override \u{202D} 람다",
            "delete \u{7f}",
            "tab\there",
            "\u{2028} line separator is not a control",
        ];
        for text in texts {
            assert_eq!(
                find_forbidden_char(text),
                text.chars().find(|&c| is_forbidden_char(c)),
                "{text:?}"
            );
        }
    }
}
