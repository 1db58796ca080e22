//! Personal FSRS parameters: turns the replayed review history into the `fsrs` optimizer's training items
//! and fits them (`fsrs::compute_parameters`). `recall optimize` stores the result in the config, and
//! [`super::Scheduler::new`] uses it.
//!
//! A training item is one review of a card made on a later study day than the card's previous review,
//! together with every review before it (as Anki builds them). Cram reviews are left out: they were not
//! scheduled.

use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview};

use super::day::DayClock;
use super::fuzz::fuzz_fraction;
use super::history::{GradedReview, History};

/// Fewer training items than this and the optimizer could only guess; `recall optimize` refuses.
pub const MIN_TRAINING_ITEMS: usize = 64;

/// The optimizer's input, built from the log.
#[derive(Debug, Clone, Default)]
pub struct TrainingSet {
    /// One item per usable review.
    pub items: Vec<FSRSItem>,
    /// A number per item naming its card (so the optimizer can group a card's items).
    pub card_ids: Vec<i64>,
    /// Cards that contributed at least one item.
    pub cards: usize,
}

/// Fitted parameters and what they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The 21 FSRS-6 parameters.
    pub parameters: Vec<f32>,
    /// Reviews (training items) used.
    pub reviews: usize,
    /// Cards they came from.
    pub cards: usize,
}

/// Why no parameters were fitted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptimizeError {
    /// Not enough history.
    #[error(
        "not enough reviews to fit parameters: {have} usable, {need} needed (a usable review is one made on \
         a later day than the card's previous review); keep studying and try again"
    )]
    TooFew {
        /// Usable reviews in the log.
        have: usize,
        /// The minimum.
        need: usize,
    },
    /// The optimizer failed.
    #[error("the FSRS optimizer failed: {0}")]
    Failed(String),
}

impl TrainingSet {
    /// Usable reviews (training items).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is no usable review.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The training items of every card in `history`, with elapsed days counted on `clock`.
pub fn training_set(history: &impl History, clock: &DayClock) -> TrainingSet {
    let mut cards = history.graded_reviews();
    cards.sort_by(|a, b| a.0.cmp(b.0));
    let mut set = TrainingSet::default();
    for (id, reviews) in cards {
        let before = set.items.len();
        card_items(&reviews, clock, &mut set.items);
        let number = (fuzz_fraction(id, 0) * (1u64 << 53) as f64) as i64;
        set.card_ids.resize(set.items.len(), number);
        if set.items.len() > before {
            set.cards += 1;
        }
    }
    set
}

/// Appends one item per review after the first that came on a later day than the one before it.
fn card_items(reviews: &[GradedReview], clock: &DayClock, items: &mut Vec<FSRSItem>) {
    let mut history: Vec<FSRSReview> = Vec::with_capacity(reviews.len());
    for (i, review) in reviews.iter().enumerate() {
        let delta_t = match i {
            0 => 0,
            _ => clock.days_between(reviews[i - 1].at, review.at),
        };
        history.push(FSRSReview {
            rating: review.rating.number(),
            delta_t,
        });
        if i > 0 && delta_t > 0 {
            items.push(FSRSItem {
                reviews: history.clone(),
            });
        }
    }
}

/// Fits FSRS parameters to `set`; refuses below [`MIN_TRAINING_ITEMS`].
pub fn fit(set: TrainingSet) -> Result<Fitted, OptimizeError> {
    let (reviews, cards) = (set.len(), set.cards);
    if reviews < MIN_TRAINING_ITEMS {
        return Err(OptimizeError::TooFew {
            have: reviews,
            need: MIN_TRAINING_ITEMS,
        });
    }
    let input = ComputeParametersInput {
        train_set: set.items,
        card_ids: Some(set.card_ids),
        enable_short_term: true,
        num_relearning_steps: Some(1),
        ..ComputeParametersInput::default()
    };
    let parameters = fsrs::compute_parameters(input).map_err(|e| OptimizeError::Failed(format!("{e:?}")))?;
    if let Err(e) = fsrs::FSRS::new(&parameters) {
        return Err(OptimizeError::Failed(format!(
            "it produced unusable parameters ({e:?})"
        )));
    }
    Ok(Fitted {
        parameters,
        reviews,
        cards,
    })
}
