//! The terminal interface: a thin Elm-architecture shell over `crate::core`.
//!
//! Keys become [`msg::Msg`]s through [`keymap`]; [`app::App::update`] is the only mutator and returns
//! [`app::Effect`]s; [`terminal`] runs the loop and performs effects; [`search_worker`] searches off the interface's thread; [`view`] renders from state; [`text`] holds the words of each language. Each screen
//! lives in its own module under [`screens`] and owns its state.

pub mod app;
pub mod key_overrides;
pub mod keymap;
pub mod msg;
pub mod screens;
pub mod search_worker;
pub mod shared;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;
