//! Quizzes and mock exams: the question model, generated questions, grading, scoring, timing and sessions.
//!
//! Pure, like all of `core`: time comes in as `now: jiff::Timestamp`, randomness as a `seed: u64` (the
//! caller picks a random seed when the user gave none). The interface shows what these types hold and
//! persists the [`EventKind`](crate::core::event::EventKind)s they return; nothing here writes anything.
//!
//! - [`question`]: [`Question`] (prompt, keywords, shuffled choices with reasons, "choose N", explanation);
//!   [`highlight()`] splits a prompt into keyword segments.
//! - [`generate`]: questions from comparison rows and grouped facts.
//! - [`mod@grade`]: a response is a set of choices; right iff it is exactly the set of correct ones.
//! - [`score`]: the 100–1000 scaled score (linear approximation of AWS scaling), pass mark 720, breakdowns.
//! - [`scope`], [`draw`], [`apportion`], [`seed`]: which questions a session gets, deterministically by seed.
//! - [`practice`]: [`QuizSession`], practice with feedback after each question.
//! - [`exam`], [`timer`], [`exam_result`], [`resume`]: [`ExamSession`], the timed mock exam, its result,
//!   and rebuilding an unfinished one from the progress log.

pub mod apportion;
pub mod draw;
pub mod error;
pub mod exam;
pub mod exam_result;
pub mod generate;
pub mod grade;
pub mod highlight;
pub mod practice;
pub mod question;
pub mod resume;
pub mod scope;
pub mod score;
pub mod seed;
pub mod timer;

pub use error::{MAX_MINUTES, QuizError, Shortfall};
pub use exam::{ExamOptions, ExamSession, QuestionStatus, ReviewLists};
pub use exam_result::{ExamResult, QuestionReview};
pub use generate::QuizPool;
pub use grade::{Graded, ResponseError, Verdict, grade};
pub use highlight::{Segment, highlight};
pub use practice::{QuizAnswer, QuizOptions, QuizSession, QuizSummary, Score};
pub use question::{QChoice, Question, QuestionSource};
pub use resume::{UnfinishedExam, latest_unfinished, unfinished_exams};
pub use score::{PASS_MARK, TopicScore, scaled_score};
