//! Small reusable pieces of the screens: highlighted text, comparison tables, the frame chrome, the review
//! heatmap, a scrolled view's position, the window of a long list that is on screen, source links as terminal
//! hyperlinks.

pub mod chrome;
pub mod compare_table;
pub mod fmt;
pub mod heatmap;
pub mod links;
pub mod question_view;
pub mod rich;
pub mod scroll;
pub mod window;
