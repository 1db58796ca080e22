//! The whole scan against an exhaustive reference: pruning, windows, chunking and threads never change which
//! items come back, in which order, with which field and score.

use proptest::prelude::*;

use super::query::Query;
use super::{Lang, SearchIndex};
use crate::core::content::{self, SourceFile};

const WORDS_EN: &[&str] = &[
    "lambda",
    "Lambda@Edge",
    "layer",
    "limit",
    "timeout",
    "15",
    "min",
    "memory",
    "alias",
    "label",
    "bundle",
    "a-b",
    "x/y",
    "mobile",
    "SAML",
    "la",
    "lam",
    "ladder",
    "(dead)",
    "bad-lambda",
];
const WORDS_KO: &[&str] = &[
    "람다",
    "레이어",
    "한도",
    "서버리스",
    "시간",
    "메모리",
    "라면",
    "다리",
    "lambda",
    "15분",
    "람",
    "서버",
];

/// A fact as word indices: English prompt, Korean prompt, answer (English words).
type FactWords = (Vec<usize>, Vec<usize>, Vec<usize>);

fn words(list: &[&str], picks: &[usize]) -> String {
    let picked: Vec<&str> = picks.iter().map(|&i| list[i % list.len()]).collect();
    picked.join(" ")
}

/// A one-topic deck of facts made of the given words.
fn deck_of(facts: &[FactWords]) -> SearchIndex {
    let mut toml = String::from("[topic]\nid = \"t\"\ntitle = \"T\"\n\n");
    for (i, (en, ko, answer)) in facts.iter().enumerate() {
        toml.push_str(&format!(
            "[[fact]]\nid = \"f{i}\"\nprompt = {{ en = \"{}\", ko = \"{}\" }}\nanswer = \"{}\"\n\
             source = \"https://example.com/{i}\"\n\n",
            words(WORDS_EN, en),
            words(WORDS_KO, ko),
            words(WORDS_EN, answer),
        ));
    }
    let loaded = content::load(&[SourceFile {
        path: "t.toml".into(),
        text: toml,
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    SearchIndex::new(&loaded.deck)
}

/// Every item scored on every text, with skim run over the whole text, no pruning; then the preference
/// rule, the ranking and the limit.
fn reference(index: &SearchIndex, query: &str, limit: usize, prefer: Lang) -> Vec<(usize, usize, i64)> {
    let Some(q) = Query::parse(query) else {
        return Vec::new();
    };
    let score = |e: usize| -> Option<i64> {
        let form = index.form(&index.entries[e], q.form);
        q.terms().iter().map(|t| t.score_unwindowed(form)).sum()
    };
    let mut all = Vec::new();
    for (i, item) in index.scan.iter().enumerate() {
        let (mine, other): (Vec<usize>, Vec<usize>) = item
            .entries
            .clone()
            .partition(|&e| index.probes[e].lang.is_none_or(|l| l == prefer));
        let scored = |es: Vec<usize>| -> Vec<(usize, i64)> {
            es.into_iter().filter_map(|e| score(e).map(|s| (e, s))).collect()
        };
        let mine = scored(mine);
        let pool = if mine.is_empty() { scored(other) } else { mine };
        let best = pool.into_iter().reduce(|b, c| if c.1 > b.1 { c } else { b });
        all.extend(best.map(|(e, s)| (i, e, s)));
    }
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    all.truncate(limit);
    all
}

fn fact() -> impl Strategy<Value = FactWords> {
    let picks = || prop::collection::vec(0..40usize, 1..6);
    (picks(), picks(), picks())
}

/// Queries drawn from the vocabulary: whole words, prefixes, scattered chars, choseong, two terms, upper case.
fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select([WORDS_EN, WORDS_KO].concat());
    let shape = 0..5u8;
    (word.clone(), word, shape, any::<u64>()).prop_map(|(a, b, shape, bits)| {
        let chars: Vec<char> = a.chars().collect();
        match shape {
            0 => a.to_string(),
            1 => chars[..1 + (bits as usize) % chars.len()].iter().collect(),
            2 => chars
                .iter()
                .enumerate()
                .filter(|(i, _)| bits >> (i % 64) & 1 == 1)
                .map(|(_, c)| *c)
                .collect(),
            3 => a
                .chars()
                .map(|c| super::forms::choseong(c).unwrap_or(c))
                .collect(),
            _ => format!("{} {}", a.to_uppercase(), b),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_pruned_scan_equals_the_exhaustive_reference(
        facts in prop::collection::vec(fact(), 1..60),
        query in query(),
        limit in 1..12usize,
        ko in any::<bool>(),
    ) {
        let index = deck_of(&facts);
        let prefer = if ko { Lang::Ko } else { Lang::En };
        let expected = reference(&index, &query, limit, prefer);
        let Some(q) = Query::parse(&query) else {
            prop_assert!(expected.is_empty());
            return Ok(());
        };
        for chunks in [1, 3] {
            let got: Vec<(usize, usize, i64)> = index
                .ranked_in_chunks(&q, limit, prefer, chunks)
                .iter()
                .map(|c| (c.item, c.entry, c.score))
                .collect();
            prop_assert_eq!(&got, &expected, "query {:?}, {} chunk(s)", query, chunks);
        }
    }
}

#[test]
fn the_reference_is_not_vacuous() {
    // Guards the property above: the generated decks and queries do produce hits and pruning.
    let facts: Vec<FactWords> = (0..40).map(|i| (vec![i, i + 1], vec![i], vec![i + 2])).collect();
    let index = deck_of(&facts);
    let hits = reference(&index, "lam", 5, Lang::En);
    assert_eq!(hits.len(), 5);
    assert!(hits.windows(2).all(|w| w[0].2 >= w[1].2));
}
