//! Small reusable pieces of the screens: highlighted text, comparison tables, the frame chrome, the review
//! heatmap.

pub mod chrome;
pub mod compare_table;
pub mod fmt;
pub mod heatmap;
pub mod question_view;
pub mod rich;
