//! Small reusable pieces of the screens: highlighted text, comparison tables, the frame chrome, the review
//! heatmap, a scrolled view's position, the window of a long list that is on screen, source links as terminal
//! hyperlinks.
//!
//! Widgets read only what they draw with, a [`Look`] (language, colours, keys), never a screen's state or
//! the app's `Shared`: they sit below the screens.

pub mod chrome;
pub mod compare_table;
pub mod fmt;
pub mod heatmap;
pub mod links;
pub mod question_view;
pub mod rich;
pub mod scroll;
pub mod window;

use crate::core::content::Lang;

use super::key_overrides::Overrides;
use super::theme::Theme;

/// What a widget draws with: the language its words are in, the colour theme, and the keys the learner set
/// (for hints). `Shared::look` gives the current one.
#[derive(Clone, Copy)]
pub struct Look<'a> {
    /// The language of the interface's words.
    pub lang: Lang,
    /// Colours and styles.
    pub theme: &'a Theme,
    /// The learner's key overrides, so hints name the keys that work.
    pub keys: &'a Overrides,
}
