//! The quiz core (`recall::core::quiz`) through its public API: generated questions, the practice quiz, the
//! mock exam with an injected clock, and resuming an exam from its events. Every test uses fixed seeds and
//! fixed timestamps.

mod exam;
mod generated;
mod practice;
mod resume;
mod support;
