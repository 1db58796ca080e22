//! Search: every text of the deck in both languages, by words (see `core::search`), matched characters
//! highlighted; Enter opens the item where it lives (Browse, on its tab and position).
//!
//! The screen never searches itself: each keystroke returns an [`Effect::Search`] for the worker (see
//! `ui::search_worker`) and the hits arrive later as [`Msg::SearchResults`]; only those of the latest
//! keystroke are kept. Until the worker has built its index the screen says it is indexing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::browse::BrowseState;
use super::{Outcome, Screen, Shared};
use crate::core::content::Lang;
use crate::core::search::{Hit, SearchOptions};
use crate::text;
use crate::ui::msg::{Action, Msg, SearchRequest};
use crate::ui::screens::Effect;
use crate::ui::widgets::rich;

/// How many results a query shows.
const LIMIT: usize = 50;
/// How many results PageUp and PageDown move by.
const PAGE: usize = 10;

/// Search state: the query and its current results.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
    /// Results of the query, best first.
    pub hits: Vec<Hit>,
    /// Selected result.
    pub cursor: usize,
    /// The generation of the latest request; `None` once its hits have arrived (or for an empty query).
    pub waiting: Option<u64>,
    /// Where typing goes in the query: a byte offset, always on a character boundary.
    pub caret: usize,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    text::of(lang).search().title
}

impl SearchState {
    /// Handles a message: typing and editing re-run the query; the arrows move the caret (←/→) or the
    /// selection (↑/↓, pages, first and last); Enter opens the selected hit.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let last = self.hits.len().saturating_sub(1);
        match msg {
            Msg::Input(c) => {
                self.query.insert(self.caret, c);
                self.caret += c.len_utf8();
                return self.refresh(shared);
            }
            Msg::Action(action @ (Action::DeleteChar | Action::DeleteWord | Action::ClearQuery)) => {
                let from = match action {
                    Action::DeleteChar => self.query[..self.caret]
                        .char_indices()
                        .last()
                        .map_or(0, |(i, _)| i),
                    Action::DeleteWord => word_start(&self.query[..self.caret]),
                    _ => 0,
                };
                let to = if action == Action::ClearQuery {
                    self.query.len()
                } else {
                    self.caret
                };
                self.query.replace_range(from..to, "");
                self.caret = from;
                return self.refresh(shared);
            }
            Msg::SearchResults { generation, hits } if self.waiting == Some(generation) => {
                self.hits = hits;
                self.cursor = 0;
                self.waiting = None;
            }
            Msg::Action(Action::Left) => {
                self.caret = self.query[..self.caret]
                    .char_indices()
                    .last()
                    .map_or(0, |(i, _)| i)
            }
            Msg::Action(Action::Right) => {
                self.caret += self.query[self.caret..].chars().next().map_or(0, char::len_utf8)
            }
            Msg::Action(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Msg::Action(Action::Down) => self.cursor = (self.cursor + 1).min(last),
            Msg::Action(Action::PageUp) => self.cursor = self.cursor.saturating_sub(PAGE),
            Msg::Action(Action::PageDown) => self.cursor = (self.cursor + PAGE).min(last),
            Msg::Action(Action::Top) => self.cursor = 0,
            Msg::Action(Action::Bottom) => self.cursor = last,
            Msg::Action(Action::Open) => {
                if let Some(hit) = self.hits.get(self.cursor) {
                    return Outcome::push(Screen::Browse(BrowseState::at_item(hit.item)));
                }
            }
            Msg::Action(Action::Back) => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    /// The query as shown in `width` columns: the caret `▏` where typing goes, always in view.
    fn query_line(&self, width: u16, caret_style: ratatui::style::Style) -> Line<'static> {
        rich::input_line(&self.query, self.caret, usize::from(width), caret_style)
    }

    /// Asks the worker for the query's hits (the current ones stay shown until they arrive).
    fn refresh(&mut self, shared: &Shared) -> Outcome {
        if self.query.trim().is_empty() {
            self.hits.clear();
            self.cursor = 0;
            self.waiting = None;
            return Outcome::none();
        }
        let generation = shared.searches.get() + 1;
        shared.searches.set(generation);
        self.waiting = Some(generation);
        let request = SearchRequest {
            generation,
            query: self.query.clone(),
            options: SearchOptions::new(LIMIT, shared.lang),
        };
        Outcome {
            effects: vec![Effect::Search(request)],
            ..Outcome::none()
        }
    }

    /// Draws the query box and the results.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let theme = &shared.theme;
        let lang = shared.lang;
        let [input_area, results_area] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        let prompt = text::of(lang).search().prompt;
        let query = self.query_line(input_area.width.saturating_sub(2), theme.key());
        let input = Paragraph::new(query).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.title())
                // The long hint gives way with `…` in a narrow window, rather than being cut mid-word.
                .title(rich::truncate(
                    prompt,
                    usize::from(input_area.width.saturating_sub(2)),
                )),
        );
        frame.render_widget(input, input_area);

        let inner_width = results_area.width.saturating_sub(4);
        let items: Vec<ListItem> = self
            .hits
            .iter()
            .map(|hit| {
                let topic = &shared.deck.topics()[hit.item.topic];
                let head = Line::from(vec![
                    Span::styled(format!("{} ", text::of(lang).kind(hit.item.kind)), theme.key()),
                    Span::styled(
                        format!("{} · {}", topic.title.get(lang), text::of(lang).field(hit.field)),
                        theme.dim(),
                    ),
                ]);
                let body =
                    rich::highlight_chars(&hit.snippet, &hit.positions, theme.text(), theme.highlight());
                ListItem::new(vec![rich::clip(head, inner_width), rich::clip(body, inner_width)])
            })
            .collect();
        let title = self.results_title(lang, shared.search_ready);
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(rich::box_title(title, results_area.width)),
            )
            .highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        let mut state = ListState::default().with_selected((!self.hits.is_empty()).then_some(self.cursor));
        frame.render_stateful_widget(list, results_area, &mut state);
    }

    /// What the results box says: a hint, indexing, searching, no match, or how many results.
    fn results_title(&self, lang: Lang, ready: bool) -> String {
        let typed = !self.query.trim().is_empty();
        let words = text::of(lang).search();
        let [indexing, empty, searching, no_match] = words.states;
        match (ready, typed, self.waiting.is_some(), self.hits.len()) {
            (false, _, _, _) => indexing.to_string(),
            (true, false, _, _) => empty.to_string(),
            (true, true, true, _) => searching.to_string(),
            (true, true, false, 0) => no_match.to_string(),
            // At the cap there may be more than shown.
            (true, true, false, n) if n >= LIMIT => (words.results[1])(n),
            (true, true, false, n) => (words.results[0])(n),
        }
    }
}

/// Where the word before the end of `text` starts (Ctrl-W): the spaces before the caret go with it.
fn word_start(text: &str) -> usize {
    let trimmed = text.trim_end_matches(' ');
    trimmed.rfind(' ').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_w_deletes_the_word_before_the_caret_and_its_spaces() {
        assert_eq!(word_start("lambda edge  "), 7);
        assert_eq!(word_start("lambda edge"), 7);
        assert_eq!(word_start("람다"), 0);
        assert_eq!(word_start(""), 0);
    }
}
