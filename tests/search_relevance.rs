//! Search relevance on the bundled deck (issue 12): queries written as a learner would type them (short,
//! sometimes misspelt, in English and Korean, with Korean names of AWS services and common abbreviations),
//! each with the card the learner means, which must be among the first five hits; and nonsense, which must
//! find nothing (no hits from letters scattered over long texts).
//!
//! The meant cards are facts and sections of the bundled deck, which keep their ids as the deck grows.

use std::sync::Arc;

use recall::core::content::Lang;
use recall::core::search::{Field, SearchIndex, SearchOptions};
use recall::io::deck::{self, DeckLocation};

/// (query, the global id of the card meant)
const MEANT: &[(&str, &str)] = &[
    // English, as typed
    ("item size", "dynamodb/item-max-size"),
    ("max item size dynamodb", "dynamodb/item-max-size"),
    ("identity pool credentials", "cognito/identity-pool-direct-access"),
    ("lambda timeout", "lambda/timeout-default"),
    ("lambda max run time", "lambda/timeout-max"),
    ("tmp storage size", "lambda/tmp-range"),
    ("zip upload size", "lambda/zip-direct-upload"),
    ("payload sync", "lambda/payload-sync"),
    ("vcpu memory", "lambda/one-vcpu-memory"),
    ("go rust runtime", "lambda/os-only-runtime"),
    ("function url auth", "lambda/function-url-auth"),
    ("cloudfront function memory", "edge-functions/cff-memory"),
    ("lambda@edge region", "edge-functions/lae-region"),
    ("origin request timeout", "edge-functions/lae-origin-timeout"),
    ("rds proxy connections", "lambda-networking/rds-proxy-pooling"),
    ("private subnet internet", "lambda-networking/lambda-vpc-internet"),
    ("dax consistency", "dynamodb/dax-consistency"),
    ("ttl cost", "dynamodb/ttl-cost"),
    ("export to s3", "dynamodb/export-requires-pitr"),
    ("global tables version", "dynamodb/global-tables-version"),
    ("usage plans api keys", "api-gateway/usage-plans"),
    ("vpc link", "api-gateway/private-integration-vpc-link"),
    ("integration timeout", "api-gateway/integration-timeout-default"),
    ("throttle per account", "api-gateway/account-throttle"),
    (
        "standard workflow duration",
        "step-functions/standard-max-duration",
    ),
    ("human approval", "step-functions/human-approval-pattern"),
    ("user pool tokens", "cognito/user-pool-tokens"),
    ("passwordless", "cognito/passwordless-factors"),
    ("workforce sign in", "cognito/workforce-service"),
    // misspelt
    ("lamda timeout", "lambda/timeout-default"),
    ("dynmodb item size", "dynamodb/item-max-size"),
    ("cognitio user pool tokens", "cognito/user-pool-tokens"),
    ("cognito user pool tokens", "cognito/user-pool-tokens"),
    ("provisoned concurrency", "lambda/provisioned-concurrency-target"),
    ("ephemral storage", "lambda/tmp-range"),
    ("cloudfrnt functions use cases", "edge-functions/cff-use-cases"),
    // abbreviations
    ("DDB item size", "dynamodb/item-max-size"),
    ("L@E region", "edge-functions/lae-region"),
    ("CFF memory", "edge-functions/cff-memory"),
    ("PITR restore", "dynamodb/restore-target"),
    ("APIGW throttle", "api-gateway/account-throttle"),
    ("SFN standard workflow billing", "step-functions/standard-pricing"),
    ("LSI item collection", "dynamodb/item-collection-limit"),
    // Korean
    ("람다 제한 시간", "lambda/timeout-default"),
    ("람다 최대 실행 시간", "lambda/timeout-max"),
    ("람다 메모리", "lambda/memory-range"),
    ("다이나모디비 항목 크기", "dynamodb/item-max-size"),
    ("다이나모DB 항목 크기", "dynamodb/item-max-size"),
    ("람다엣지 리전", "edge-functions/lae-region"),
    ("클라우드프론트 함수 메모리", "edge-functions/cff-memory"),
    ("코그니토 사용자 풀 발급 토큰", "cognito/user-pool-tokens"),
    ("스텝 펑션 표준 워크플로 과금", "step-functions/standard-pricing"),
    ("API 게이트웨이 사용량 계획", "api-gateway/usage-plans"),
    ("임시 스토리지 크기", "lambda/tmp-range"),
    ("자격 증명 풀 권한", "cognito/identity-pool-permission-source"),
    (
        "프로비저닝된 동시성 설정",
        "lambda/provisioned-concurrency-target",
    ),
    // Korean as learners also type it: a loanword the deck does not use (it writes 제한 시간), and words run
    // together without the space the deck writes (콜드 스타트).
    ("타임아웃", "lambda/timeout-default"),
    ("람다 타임아웃", "lambda/timeout-default"),
    ("콜드스타트", "lambda/concurrency-scaling"),
    ("콜드스타트 제거", "lambda/reserved-vs-provisioned"),
];

/// (query, the card that must come first): the one card that is exactly what the query names, above notes
/// and cards that mention the same words in passing or in a longer form (`Timeouts` in a note's title).
const FIRST: &[(&str, &str)] = &[
    ("lambda timeout", "lambda/timeout-default"),
    ("lamda timeout", "lambda/timeout-default"),
    ("람다 제한 시간", "lambda/timeout-default"),
    ("람다 타임아웃", "lambda/timeout-default"),
    ("콜드스타트", "lambda/concurrency-scaling"),
];

/// Queries that mean nothing in this deck: whatever letters they share with it, nothing may come back.
const NONSENSE: &[&str] = &[
    "kubernetes",
    "xyzzy",
    "zzzzqqq",
    "photosynthesis",
    "qwertyuiop",
    "마법사 드래곤",
    "banana smoothie recipe",
    "jjjjj",
    "ㅋㅋㅋㅋ",
    "sdfghjkl",
];

fn index() -> SearchIndex {
    let loaded = deck::load(&DeckLocation::Bundled).unwrap();
    SearchIndex::new(Arc::new(loaded.deck))
}

#[test]
fn the_meant_card_is_in_the_first_five() {
    let index = index();
    assert!(MEANT.len() >= 40);
    let mut misses = Vec::new();
    for (query, meant) in MEANT {
        assert!(index.deck().find(meant).is_some(), "{meant} is not in the deck");
        for lang in Lang::ALL {
            let hits = index.search_with(query, &SearchOptions::new(5, lang));
            let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
            if !ids.contains(meant) {
                misses.push(format!("{query:?} ({lang}): wanted {meant}, got {ids:?}"));
            }
        }
    }
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn the_card_a_query_names_comes_first() {
    let index = index();
    for (query, meant) in FIRST {
        for lang in Lang::ALL {
            let hits = index.search_with(query, &SearchOptions::new(5, lang));
            let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(ids.first(), Some(meant), "{query:?} ({lang}): {ids:?}");
        }
    }
}

/// The chars of `hit`'s snippet it highlights.
fn marked(hit: &recall::core::search::Hit) -> String {
    let chars: Vec<char> = hit.snippet.chars().collect();
    hit.positions.iter().map(|&p| chars[p]).collect()
}

#[test]
fn korean_spellings_the_deck_does_not_use_find_its_words() {
    let index = index();
    // 타임아웃 finds what the deck calls timeout (제한 시간 in Korean), and marks that.
    let hits = index.search_with("타임아웃", &SearchOptions::new(10, Lang::Ko));
    assert!(hits.len() >= 5, "{hits:?}");
    for hit in &hits {
        let marked = marked(hit).to_lowercase();
        assert!(
            marked.contains("제한시간") || marked.contains("timeout"),
            "{}: {:?} marks {marked:?}",
            hit.id,
            hit.snippet
        );
    }
    // 콜드스타트 finds the cards the spaced query finds (콜드 스타트, 콜드 스타트를…), in the deck's spacing.
    let ids = |query: &str| {
        let hits = index.search_with(query, &SearchOptions::new(50, Lang::Ko));
        let mut ids: Vec<String> = hits.into_iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert!(ids("콜드 스타트").len() >= 5);
    assert_eq!(ids("콜드스타트"), ids("콜드 스타트"));
    let run_together = index.search_with("콜드스타트", &SearchOptions::new(10, Lang::Ko));
    for hit in &run_together {
        assert!(
            marked(hit).contains("콜드스타트"),
            "{}: {:?}",
            hit.id,
            hit.snippet
        );
    }
}

#[test]
fn a_hit_shows_the_text_that_matched_not_only_its_topic() {
    let index = index();
    let topic_titles: Vec<String> = index
        .deck()
        .topics()
        .iter()
        .flat_map(|t| Lang::ALL.map(|l| t.title.get(l).to_string()))
        .collect();
    let queries = [
        "step functions",
        "sfn",
        "서버리스",
        "다이나모디비 항목",
        "람다 메모리",
        "cognito tokens",
    ];
    for query in queries {
        for lang in Lang::ALL {
            for hit in index.search_with(query, &SearchOptions::new(20, lang)) {
                // A topic's title may be an item's own text (a note titled `AWS Step Functions`); a hit on
                // the topic itself also says which item of the topic it is.
                assert!(
                    hit.field != Field::Topic || !topic_titles.contains(&hit.snippet),
                    "{query:?} ({lang}): {} shows only its topic, {:?}",
                    hit.id,
                    hit.snippet
                );
            }
        }
    }
    // The item's own text matched 항목 (item): that text is shown, not the topic whose title matched 다이나모디비.
    let hits = index.search_with("다이나모디비 항목", &SearchOptions::new(20, Lang::En));
    let collection = hits
        .iter()
        .find(|h| h.id == "dynamodb/item-collection-limit")
        .expect("the item collection limit is a hit");
    assert_ne!(collection.field, Field::Topic, "{collection:?}");
    assert!(marked(collection).contains("항목"), "{collection:?}");
}

#[test]
fn nonsense_finds_nothing() {
    let index = index();
    assert!(NONSENSE.len() >= 8);
    for query in NONSENSE {
        let hits = index.search(query, 10);
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert!(ids.is_empty(), "{query:?} found {ids:?}");
    }
}

#[test]
fn a_korean_name_does_not_match_letters_of_other_words() {
    // `람다` once matched 사람…다 across a sentence; a hit must now show 람다's term, Lambda.
    let index = index();
    for hit in index.search_with("람다", &SearchOptions::new(50, Lang::Ko)) {
        let chars: Vec<char> = hit.snippet.chars().collect();
        let marked: String = hit.positions.iter().map(|&p| chars[p]).collect();
        assert!(
            marked.to_lowercase().contains("lambda") || marked.contains("람다"),
            "{}: {:?} marks {marked:?}",
            hit.id,
            hit.snippet
        );
    }
}
