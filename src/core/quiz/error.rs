//! Everything that can go wrong setting up or driving a quiz or an exam, as one typed error.
//!
//! Bad parameters (`--questions 0`, `--minutes 0`, an unknown topic, a deck without scenarios) are refused
//! when a session is created; asking for more questions than exist is *not* an error (the session uses all
//! of them and reports a [`Shortfall`]). Refused actions on a running session (answering twice, after the
//! time ran out, after submission) are errors the interface can show and carry on from.

use super::grade::ResponseError;

/// The longest exam accepted, in minutes (24 hours).
pub const MAX_MINUTES: u64 = 24 * 60;

/// Why a quiz or exam cannot start, resume or accept an action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuizError {
    /// `--questions 0` or `-n 0`.
    #[error("the number of questions must be at least 1")]
    ZeroQuestions,
    /// `--minutes 0`.
    #[error("the exam must last at least 1 minute")]
    ZeroMinutes,
    /// More minutes than [`MAX_MINUTES`].
    #[error("an exam can last at most {max} minutes, not {minutes}")]
    TooManyMinutes {
        /// The minutes asked for.
        minutes: u64,
        /// The limit.
        max: u64,
    },
    /// `--topic` names no topic of the deck.
    #[error("there is no topic `{topic}`; the deck's topics are: {}", known.join(", "))]
    UnknownTopic {
        /// The id given.
        topic: String,
        /// The deck's topic ids, in display order.
        known: Vec<String>,
    },
    /// An exam needs hand-written scenarios, and the scope has none.
    #[error("{scope} has no scenarios, so there is nothing to build an exam from")]
    NoScenarios {
        /// "the deck" or "topic `x`".
        scope: String,
    },
    /// A quiz found neither scenarios nor questions to generate.
    #[error(
        "{scope} has no scenarios and nothing to generate questions from (comparison tables, grouped facts)"
    )]
    NoQuestions {
        /// "the deck" or "topic `x`".
        scope: String,
    },
    /// The response is not acceptable for the question.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// The quiz question was already answered.
    #[error("this question is already answered")]
    AlreadyAnswered,
    /// Every quiz question has been shown.
    #[error("the quiz is over")]
    QuizOver,
    /// The exam was submitted; nothing can change any more.
    #[error("the exam has been submitted")]
    ExamSubmitted,
    /// The exam's time is up; it is submitted on the next tick.
    #[error("time is up")]
    TimeUp,
    /// No exam with this id was started in the events given.
    #[error("no exam `{exam}` in the progress log")]
    ExamNotFound {
        /// The exam id.
        exam: String,
    },
    /// The exam to resume was already finished.
    #[error("exam `{exam}` is already finished")]
    ExamAlreadyFinished {
        /// The exam id.
        exam: String,
    },
    /// The exam's questions no longer exist in the deck (it was edited since), so it cannot be resumed.
    #[error("exam `{exam}` cannot be resumed: the deck no longer has {}", missing.join(", "))]
    ExamChanged {
        /// The exam id.
        exam: String,
        /// The question ids that are gone.
        missing: Vec<String>,
    },
}

/// More questions were asked for than exist: the session uses all that do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    /// How many were asked for.
    pub requested: usize,
    /// How many exist, and are used.
    pub available: usize,
}

impl std::fmt::Display for Shortfall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} questions were asked for, but only {} are available; using all {}",
            self.requested, self.available, self.available
        )
    }
}

/// Checks an exam length and converts it to a duration.
pub fn exam_minutes(minutes: u64) -> Result<std::time::Duration, QuizError> {
    match minutes {
        0 => Err(QuizError::ZeroMinutes),
        m if m > MAX_MINUTES => Err(QuizError::TooManyMinutes {
            minutes: m,
            max: MAX_MINUTES,
        }),
        m => Ok(std::time::Duration::from_secs(m * 60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exam_length_is_checked_at_both_ends() {
        assert_eq!(exam_minutes(0), Err(QuizError::ZeroMinutes));
        assert_eq!(exam_minutes(130), Ok(std::time::Duration::from_secs(7800)));
        assert_eq!(exam_minutes(MAX_MINUTES).map(|d| d.as_secs()), Ok(86_400));
        assert_eq!(
            exam_minutes(u64::MAX),
            Err(QuizError::TooManyMinutes {
                minutes: u64::MAX,
                max: MAX_MINUTES
            })
        );
    }

    #[test]
    fn messages_name_the_problem() {
        let e = QuizError::UnknownTopic {
            topic: "lamda".into(),
            known: vec!["lambda".into(), "dynamodb".into()],
        };
        assert_eq!(
            e.to_string(),
            "there is no topic `lamda`; the deck's topics are: lambda, dynamodb"
        );
        let s = Shortfall {
            requested: 500,
            available: 53,
        };
        assert!(s.to_string().contains("only 53 are available; using all 53"));
    }
}
