//! Search (issues 4 and 12) through the public API, on the small two-topic deck of `tests/fixtures/search`:
//! ranking, Korean and choseong queries, highlighted positions, one hit per item, limits, languages.

use proptest::prelude::*;
use recall::core::content::{Deck, Lang};
use recall::core::search::forms::{choseong, fold_char};
use recall::core::search::{Field, Hit, MIN_WIDTH, SearchIndex, SearchOptions, searchable_texts};
use recall::io::deck::{self, DeckLocation};
use unicode_width::UnicodeWidthStr;

fn deck() -> Deck {
    let loaded = deck::load(&DeckLocation::Dir("tests/fixtures/search".into())).unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.deck
}

fn index() -> SearchIndex {
    SearchIndex::new(std::sync::Arc::new(deck()))
}

fn search(query: &str, prefer: Lang) -> Vec<Hit> {
    index().search_with(query, &SearchOptions::new(50, prefer))
}

/// The chars of the snippet at the hit's positions.
fn highlighted(hit: &Hit) -> String {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.positions.iter().map(|&p| chars[p]).collect()
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn whole_words_and_prefixes_match_and_scattered_letters_do_not() {
    // `basics/scattered` ("Large amber beads dangle above") holds l-a-m-b-d-a scattered: never a hit.
    for query in ["lambda", "lamb"] {
        let hits = search(query, Lang::En);
        assert!(
            !ids(&hits).contains(&"basics/scattered"),
            "{query}: {:?}",
            ids(&hits)
        );
        assert!(hits.len() > 3, "{query}: {:?}", ids(&hits));
        assert!(hits[0].score >= hits.last().unwrap().score);
        assert_eq!(highlighted(&hits[0]).to_lowercase(), query);
    }
    assert!(search("lmbd", Lang::En).is_empty());
}

#[test]
fn scores_are_descending_and_ties_keep_deck_order() {
    let hits = search("default concurrency", Lang::En);
    assert_eq!(ids(&hits)[..2], ["basics/default-a", "basics/default-b"]);
    assert_eq!(hits[0].score, hits[1].score);
    let hits = search("l", Lang::En);
    assert!(hits.len() > 3);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn korean_text_queries_find_korean_text() {
    let hits = search("한도", Lang::En);
    let hit = &hits[0];
    assert_eq!(
        (hit.id.as_str(), hit.field, hit.lang),
        ("lambda/memory-limit", Field::Prompt, Lang::Ko)
    );
    assert_eq!(hit.snippet, "Lambda 메모리 한도는?");
    assert_eq!(highlighted(hit), "한도");
}

#[test]
fn choseong_queries_match_initial_consonants() {
    let hits = search("ㄹㄷ", Lang::Ko);
    let hit = &hits[0];
    assert_eq!((hit.id.as_str(), hit.field), ("lambda/overview", Field::Title));
    assert_eq!(hit.snippet, "람다란 무엇인가");
    assert_eq!(hit.positions, [0, 1]);
    assert_eq!(highlighted(hit), "람다");

    let hits = search("ㅅㅂㄹㅅ", Lang::Ko);
    assert_eq!(hits[0].id, "basics/serverless");
    assert_eq!(highlighted(&hits[0]), "서버리스");
}

#[test]
fn mixed_queries_match_every_term_in_one_text() {
    let hits = search("lambda 한도", Lang::En);
    assert_eq!(ids(&hits), ["lambda/memory-limit"]);
    assert_eq!(
        (hits[0].lang, highlighted(&hits[0]).as_str()),
        (Lang::Ko, "Lambda한도")
    );
    // Terms match in any order.
    assert_eq!(ids(&search("한도 lambda", Lang::En)), ["lambda/memory-limit"]);
}

#[test]
fn one_hit_per_item_and_the_limit_is_respected() {
    let index = index();
    let all = index.search("s", 100);
    let mut unique = ids(&all);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{:?}", ids(&all));
    assert!(all.len() >= 5);
    assert_eq!(index.search("s", 2), all[..2]);
    assert!(index.search("s", 0).is_empty());
}

#[test]
fn the_index_can_be_built_and_queried_on_another_thread() {
    fn send_and_sync<T: Send + Sync>(_: &T) {}
    let index = index();
    send_and_sync(&index);
    let hits = std::thread::spawn(move || index.search("lambda", 1))
        .join()
        .unwrap();
    assert_eq!(hits.len(), 1);
}

#[test]
fn empty_and_blank_queries_have_no_hits() {
    let index = index();
    assert!(index.search("", 10).is_empty());
    assert!(index.search("  \t ", 10).is_empty());
    assert!(index.search("qqqzzz", 10).is_empty());
}

#[test]
fn the_preferred_language_is_shown_when_it_matches() {
    let en = search("lambda", Lang::En);
    let ko = search("lambda", Lang::Ko);
    let hit = |hits: &[Hit]| {
        hits.iter()
            .find(|h| h.id == "lambda/max-timeout")
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (hit(&en).lang, hit(&en).snippet.as_str()),
        (Lang::En, "Maximum run time of one Lambda invocation?")
    );
    assert_eq!(
        (hit(&ko).lang, hit(&ko).snippet.as_str()),
        (Lang::Ko, "Lambda 호출 한 번의 최대 실행 시간은?")
    );
    // Text that is the same in both languages is reported in the preferred one.
    let cognito = search("cognito", Lang::Ko);
    assert_eq!((cognito[0].field, cognito[0].lang), (Field::Choice(0), Lang::Ko));
    // English-only words still find items for a Korean reader, shown in English.
    let zebra = search("zebra", Lang::Ko);
    assert_eq!((zebra[0].field, zebra[0].lang), (Field::Detail, Lang::En));
}

#[test]
fn every_kind_of_field_is_searchable() {
    let cases = [
        ("zebra", "lambda/max-timeout", Field::Detail),
        ("quokka", "lambda/max-timeout", Field::Correction),
        ("900 seconds", "lambda/max-timeout", Field::Answer),
        ("provisioned concurrency", "lambda/overview", Field::Body),
        ("edge functions", "lambda/edge-functions", Field::Title),
        ("cloudfront", "lambda/edge-functions", Field::Option(0)),
        (
            "1ms 미만",
            "lambda/edge-functions",
            Field::Value { row: 0, option: 0 },
        ),
        (
            "sub-millisecond",
            "lambda/edge-functions",
            Field::Value { row: 0, option: 0 },
        ),
        (
            "30초",
            "lambda/edge-functions",
            Field::Value { row: 0, option: 1 },
        ),
        ("identity provider", "lambda/mobile-saml", Field::Prompt),
        ("iam user per person", "lambda/mobile-saml", Field::Choice(1)),
        ("federation", "lambda/mobile-saml", Field::Why(0)),
        ("user directory", "lambda/mobile-saml", Field::Explanation),
    ];
    let deck = deck();
    for (query, id, field) in cases {
        let hits = SearchIndex::new(std::sync::Arc::new(deck.clone())).search(query, 5);
        assert_eq!((hits[0].id.as_str(), hits[0].field), (id, field), "{query}");
        let item = deck.item(hits[0].item).unwrap();
        assert!(field.text_in(item).is_some(), "{query}");
    }
}

#[test]
fn long_texts_give_a_one_line_window_around_the_match() {
    let hits = search("provisioned", Lang::En);
    let hit = &hits[0];
    assert_eq!(hit.field, Field::Body);
    assert!(hit.snippet.width() <= 80, "{}", hit.snippet);
    assert!(!hit.snippet.contains('\n'));
    assert!(hit.snippet.starts_with('…'), "{}", hit.snippet);
    assert_eq!(highlighted(hit), "provisioned");
    let narrow = index().search_with(
        "provisioned",
        &SearchOptions {
            width: 30,
            ..SearchOptions::new(1, Lang::En)
        },
    );
    assert!(narrow[0].snippet.width() <= 30, "{}", narrow[0].snippet);
    assert_eq!(highlighted(&narrow[0]), "provisioned");
}

/// Every text of the deck, in both languages.
fn deck_texts() -> Vec<String> {
    let deck = deck();
    let mut texts = Vec::new();
    for (_, item) in deck.items() {
        for (_, text) in searchable_texts(item) {
            texts.extend(Lang::ALL.iter().map(|&l| text.get(l).to_string()));
        }
    }
    texts
}

/// A query made of a deck word: whole, a prefix of it, upper-cased or turned into choseong.
fn query_from_deck() -> impl Strategy<Value = String> {
    let words: Vec<String> = deck_texts()
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    (0..words.len(), 1..8usize, 0..4u8).prop_map(move |(w, len, shape)| {
        let chars: Vec<char> = words[w].chars().collect();
        let cut = &chars[..len.min(chars.len())];
        match shape {
            0 => chars.iter().collect(),
            1 => cut.iter().collect(),
            2 => cut.iter().flat_map(|c| c.to_uppercase()).collect(),
            _ => cut.iter().map(|&c| choseong(c).unwrap_or(c)).collect(),
        }
    })
}

proptest! {
    #[test]
    fn positions_point_at_query_chars_in_the_snippet(
        query in query_from_deck(),
        width in 0..100usize,
        ko in any::<bool>(),
    ) {
        let index = index();
        let prefer = if ko { Lang::Ko } else { Lang::En };
        let hits = index.search_with(&query, &SearchOptions { width, ..SearchOptions::new(20, prefer) });
        let wanted: Vec<char> = query.chars().map(fold_char).collect();
        if !query.trim().is_empty() {
            prop_assert!(!hits.is_empty(), "{:?} begins a deck word but found nothing", query);
        }
        for hit in &hits {
            let chars: Vec<char> = hit.snippet.chars().collect();
            prop_assert!(!hit.snippet.contains('\n'));
            prop_assert!(hit.snippet.width() <= width.max(MIN_WIDTH), "{:?}", hit.snippet);
            prop_assert!(hit.positions.windows(2).all(|w| w[0] < w[1]), "{:?}", hit.positions);
            for &p in &hit.positions {
                prop_assert!(p < chars.len(), "{} out of {:?}", p, hit.snippet);
                let c = chars[p];
                let ok = wanted.contains(&fold_char(c)) || choseong(c).is_some_and(|j| wanted.contains(&j));
                prop_assert!(ok, "{:?} at {} of {:?} is not in {:?}", c, p, hit.snippet, query);
            }
        }
    }
}
