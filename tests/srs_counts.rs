//! Home's counts come from a tally made in one pass and counted again topic by topic after a change; they
//! must be exactly what a study session started now would hold (`Queue::build`, through `srs::counts`), for
//! every topic and the whole deck, whatever the states, limits and related cards (within and across topics).

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use recall::core::content::{Deck, SourceFile};
use recall::core::srs::{
    CardState, DayClock, DayCounts, GradedReview, History, Limits, Phase, Siblings, StudyDay, Tally, counts,
    scope,
};

/// A history given outright: each card's state, and what was done today.
#[derive(Debug, Clone, Default)]
struct Given {
    states: HashMap<String, CardState>,
    done: DayCounts,
}

impl History for Given {
    fn state(&self, card: &str) -> CardState {
        self.states.get(card).copied().unwrap_or(CardState::NEW)
    }
    fn done_on(&self, _day: &StudyDay) -> DayCounts {
        self.done
    }
    fn graded_reviews(&self) -> Vec<(&str, Vec<GradedReview>)> {
        Vec::new()
    }
}

fn now() -> Timestamp {
    "2025-06-01T10:00:00Z".parse().unwrap()
}

/// A deck of topics `t0, t1, …` with `sizes[i]` facts each (`ti/f0, ti/f1, …`).
fn deck(sizes: &[usize]) -> Deck {
    let files: Vec<SourceFile> = sizes
        .iter()
        .enumerate()
        .map(|(t, &n)| {
            let mut text = format!("[topic]\nid = \"t{t}\"\ntitle = \"T{t}\"\norder = {t}\n\n");
            for f in 0..n {
                text += &format!(
                    "[[fact]]\nid = \"f{f}\"\nprompt = \"Q{t} {f}?\"\nanswer = \"A{t} {f}\"\nsource = \"https://example.com/{t}\"\n\n"
                );
            }
            SourceFile {
                path: format!("t{t}.toml"),
                text,
            }
        })
        .collect();
    let deck = recall::core::content::load(&files).deck;
    assert_eq!(deck.topics().len(), sizes.len());
    deck
}

/// A card state around `now`: new (sometimes reviewed once today, as an undone card can be), in steps or in
/// review, due before, at or after now and before or after the day ends.
fn state() -> impl Strategy<Value = CardState> {
    let phase = prop_oneof![
        3 => Just(Phase::New),
        1 => Just(Phase::Learning),
        1 => Just(Phase::Relearning),
        3 => Just(Phase::Review),
    ];
    let minutes = prop_oneof![Just(None), (-3000i64..3000).prop_map(Some)];
    (phase, minutes.clone(), minutes).prop_map(|(phase, due, last)| {
        let at = |m: i64| now() + SignedDuration::from_mins(m);
        CardState {
            phase,
            due: if phase == Phase::New {
                None
            } else {
                due.map(at).or(Some(now()))
            },
            last_review: last.map(at),
            ..CardState::NEW
        }
    })
}

#[derive(Debug, Clone)]
struct World {
    sizes: Vec<usize>,
    states: Vec<CardState>,
    related: Vec<(usize, usize)>,
    /// The state of a card related to some (position `n`) that is not in the deck.
    ghost: CardState,
    limits: Limits,
    done: DayCounts,
}

fn world() -> impl Strategy<Value = World> {
    proptest::collection::vec(0usize..7, 1..6)
        .prop_flat_map(|sizes| {
            let n: usize = sizes.iter().sum::<usize>().max(1);
            (
                Just(sizes),
                proptest::collection::vec(state(), n),
                proptest::collection::vec((0..n, 0..=n), 0..6),
                state(),
                (0u32..6, 0u32..6),
                (0usize..4, 0usize..4),
            )
        })
        .prop_map(
            |(sizes, states, related, ghost, (new, reviews), (done_new, done_reviews))| World {
                sizes,
                states,
                related,
                ghost,
                limits: Limits {
                    new_per_day: new,
                    reviews_per_day: reviews,
                },
                done: DayCounts {
                    new: done_new,
                    reviews: done_reviews,
                },
            },
        )
}

fn setup(w: &World) -> (Deck, Given, Siblings) {
    let deck = deck(&w.sizes);
    let ids: Vec<String> = deck.card_ids().iter().map(|(id, _)| id.to_string()).collect();
    let mut states: HashMap<String, CardState> = ids.iter().cloned().zip(w.states.iter().copied()).collect();
    states.insert("ghost/g".into(), w.ghost);
    let mut siblings = Siblings::default();
    for &(a, b) in &w.related {
        let other = if b >= ids.len() { "ghost/g" } else { &ids[b] };
        if a != b && a < ids.len() {
            siblings.relate(&ids[a], other);
        }
    }
    let history = Given { states, done: w.done };
    (deck, history, siblings)
}

/// What a session would hold, scope by scope: the reference.
fn by_queue(
    deck: &Deck,
    history: &Given,
    limits: Limits,
    siblings: &Siblings,
    clock: &DayClock,
) -> Vec<recall::core::srs::StudyCounts> {
    let mut all: Vec<_> = deck
        .topics()
        .iter()
        .map(|t| {
            counts(
                &t.id,
                &scope(deck, Some(&t.id)),
                history,
                limits,
                siblings,
                clock,
                now(),
            )
        })
        .collect();
    all.push(counts(
        "",
        &scope(deck, None),
        history,
        limits,
        siblings,
        clock,
        now(),
    ));
    all
}

fn by_tally(tally: &Tally, deck: &Deck) -> Vec<recall::core::srs::StudyCounts> {
    let mut all = tally.per_topic(deck);
    all.push(tally.all());
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Counted in one pass, every topic's counts and the deck's are what a session would hold.
    #[test]
    fn a_tally_counts_what_a_session_would_hold(w in world()) {
        let (deck, history, siblings) = setup(&w);
        let clock = DayClock::utc_midnight();
        let tally = Tally::new(&deck, &history, w.limits, &siblings, &clock, now());
        prop_assert_eq!(by_tally(&tally, &deck), by_queue(&deck, &history, w.limits, &siblings, &clock));
    }

    /// After one card's state changes, counting again only what that card can affect gives what a session
    /// would hold.
    #[test]
    fn a_recount_after_a_change_counts_what_a_session_would_hold(
        w in world(),
        card in any::<prop::sample::Index>(),
        changed in state(),
        done in (0usize..4, 0usize..4),
    ) {
        let (deck, mut history, siblings) = setup(&w);
        let clock = DayClock::utc_midnight();
        let mut tally = Tally::new(&deck, &history, w.limits, &siblings, &clock, now());
        let ids = deck.card_ids();
        prop_assume!(!ids.is_empty());
        // A card of the deck, or the related card that is not in it.
        let at = card.index(ids.len() + 1);
        let id = ids.get(at).map_or_else(|| "ghost/g".to_string(), |(id, _)| id.to_string());
        history.states.insert(id.clone(), changed);
        history.done = DayCounts { new: done.0, reviews: done.1 };
        tally.recount(&deck, &history, &id, &clock, now());
        prop_assert_eq!(by_tally(&tally, &deck), by_queue(&deck, &history, w.limits, &siblings, &clock));
    }
}
