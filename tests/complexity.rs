//! The work of Home's counts, pinned without timing: the allocations made and the card states read, counted
//! on decks of the same cards cut into more or fewer topics. Counting every topic is one pass over the
//! cards, however many topics there are; after a grade, Home counts again only the graded card's topic.
//! (Before, each topic's count walked the whole deck and built every card's id: topics × cards.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;

use recall::core::content::{Deck, Lang, SourceFile};
use recall::core::progress::{Event, EventKind, Progress, Rating};
use recall::core::srs::{
    CardState, DayClock, DayCounts, GradedReview, History, Limits, Siblings, StudyDay, Tally, topic_counts,
};
use recall::ui::app::{App, Effect};
use recall::ui::msg::{Action, Msg};
use recall::ui::shared::Setup;

/// Counts the allocations made on the current thread (tests run on threads of their own).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// How many allocations `work` makes on this thread.
fn allocations<R>(work: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = work();
    (ALLOCATIONS.with(Cell::get) - before, result)
}

/// `cards` facts cut into `topics` topics of equal size.
fn deck(cards: usize, topics: usize) -> Deck {
    let files: Vec<SourceFile> = (0..topics)
        .map(|t| {
            let mut text = format!("[topic]\nid = \"t{t}\"\ntitle = \"Topic {t}\"\norder = {t}\n\n");
            for f in 0..cards / topics {
                text += &format!(
                    "[[fact]]\nid = \"f{f}\"\nprompt = \"Question {t} {f}?\"\nanswer = \"Answer {t} {f}\"\n\
                     source = \"https://example.com/{t}\"\n\n"
                );
            }
            SourceFile {
                path: format!("t{t:03}.toml"),
                text,
            }
        })
        .collect();
    let deck = recall::core::content::load(&files).deck;
    assert_eq!(deck.card_ids().len(), cards);
    deck
}

fn now() -> jiff::Timestamp {
    "2026-11-26T12:00:00Z".parse().unwrap()
}

/// A history that counts the card states read.
struct Reads<'a> {
    progress: &'a Progress,
    reads: Cell<usize>,
}

impl History for Reads<'_> {
    fn state(&self, card: &str) -> CardState {
        self.reads.set(self.reads.get() + 1);
        self.progress.state(card)
    }
    fn done_on(&self, day: &StudyDay) -> DayCounts {
        self.progress.done_on(day)
    }
    fn graded_reviews(&self) -> Vec<(&str, Vec<GradedReview>)> {
        self.progress.graded_reviews()
    }
}

const CARDS: usize = 4_800;

/// Counting every topic's cards and the deck's allocates a few things per topic and none per card, on 24
/// topics as on 96 (the first version allocated every card's id once per topic: 115,200 and 460,800).
#[test]
fn counting_every_topic_allocates_per_topic_not_per_card_and_topic() {
    let clock = DayClock::utc_midnight();
    let progress = Progress::new();
    for topics in [24, 96] {
        let deck = deck(CARDS, topics);
        let (made, (per_topic, _)) = allocations(|| {
            topic_counts(
                &deck,
                &progress,
                Limits::default(),
                &Siblings::default(),
                &clock,
                now(),
            )
        });
        assert_eq!(per_topic.len(), topics);
        assert!(
            made <= 8 * topics + 16,
            "{made} allocations to count {CARDS} cards in {topics} topics"
        );
    }
}

/// A count reads each card's state once, however the cards are cut into topics; counting again after one
/// card changed reads the cards of its topic only.
#[test]
fn a_count_reads_each_card_once_and_a_recount_one_topic() {
    let clock = DayClock::utc_midnight();
    for topics in [24, 96] {
        let deck = deck(CARDS, topics);
        let mut progress = Progress::new();
        let reads = |progress: &Progress, work: &mut dyn FnMut(&Reads<'_>)| {
            let history = Reads {
                progress,
                reads: Cell::new(0),
            };
            work(&history);
            history.reads.get()
        };
        let mut tally = Tally::default();
        let read = reads(&progress, &mut |h| {
            tally = Tally::new(&deck, h, Limits::default(), &Siblings::default(), &clock, now());
        });
        assert_eq!(read, CARDS, "{topics} topics");
        let card = deck.card_ids()[CARDS / 2].0.to_string();
        let scheduler = recall::core::srs::Scheduler::new(&[], 0.9, clock.clone()).unwrap();
        progress.apply(
            Event::new(
                "e1",
                now(),
                EventKind::Review {
                    card: card.clone(),
                    rating: Rating::Good,
                    duration_ms: 0,
                    cram: false,
                },
            ),
            &scheduler,
        );
        let read = reads(&progress, &mut |h| tally.recount(&deck, h, &card, &clock, now()));
        assert_eq!(read, CARDS / topics, "{topics} topics");
        assert_eq!(tally.all().unseen, CARDS - 1);
    }
}

/// Back on Home after a grade, the interface counts again without building anything per card: fewer
/// allocations than a tenth of the cards, on 24 topics as on 96 (the first version counted every topic,
/// each walking the whole deck: over 100,000 allocations).
#[test]
fn home_after_a_grade_allocates_per_topic_not_per_card() {
    for topics in [24, 96] {
        let deck = Arc::new(deck(CARDS, topics));
        let mut app = App::new(Setup::new(Arc::clone(&deck), Lang::En, now()));
        app.update(Msg::Action(Action::StudyAll));
        app.update(Msg::Action(Action::Reveal));
        for effect in app.update(Msg::Action(Action::Grade(3))) {
            if let Effect::Append(event) = effect {
                app.update(Msg::Saved(event, Ok(())));
            }
        }
        let unseen = app.shared().counts.all.unseen;
        let (made, _) = allocations(|| app.update(Msg::Action(Action::Back)));
        assert_eq!(app.shared().counts.all.unseen, unseen - 1, "the grade is counted");
        assert!(
            made < CARDS / 10,
            "{made} allocations back on Home ({topics} topics)"
        );
    }
}
