//! Search: fuzzy search over every text of the deck in both languages, updated on every keystroke, matched
//! characters highlighted; Enter opens the item where it lives (Browse, on its tab and position).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use super::browse::BrowseState;
use super::{Outcome, Screen, Shared};
use crate::core::content::Lang;
use crate::core::search::{Hit, SearchOptions};
use crate::ui::msg::{Action, Msg};
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
    /// Where typing goes in the query: a byte offset, always on a character boundary.
    pub caret: usize,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Search",
        Lang::Ko => "검색",
    }
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
                self.refresh(shared);
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
                self.refresh(shared);
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

    /// The query as shown: the caret `▏` where typing goes.
    fn query_line(&self, caret_style: ratatui::style::Style) -> Line<'static> {
        Line::from(vec![
            Span::raw(self.query[..self.caret].to_string()),
            Span::styled("▏", caret_style),
            Span::raw(self.query[self.caret..].to_string()),
        ])
    }

    fn refresh(&mut self, shared: &Shared) {
        let options = SearchOptions::new(LIMIT, shared.lang);
        self.hits = shared.search.search_with(&self.query, &options);
        self.cursor = 0;
    }

    /// Draws the query box and the results.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let theme = &shared.theme;
        let lang = shared.lang;
        let [input_area, results_area] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
        let prompt = match lang {
            Lang::En => " Search (fuzzy, both languages; Hangul initials: ㅅㅂㄹㅅ → 서버리스) ",
            Lang::Ko => " 검색 (퍼지, 두 언어; 초성 검색: ㅅㅂㄹㅅ → 서버리스) ",
        };
        let input = Paragraph::new(self.query_line(theme.key())).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.title())
                .title(prompt),
        );
        frame.render_widget(input, input_area);

        let inner_width = results_area.width.saturating_sub(4);
        let items: Vec<ListItem> = self
            .hits
            .iter()
            .map(|hit| {
                let topic = &shared.deck.topics()[hit.item.topic];
                let head = Line::from(vec![
                    Span::styled(format!("{} ", hit.item.kind.name()), theme.key()),
                    Span::styled(
                        format!("{} · {}", topic.title.get(lang), hit.field.name()),
                        theme.dim(),
                    ),
                ]);
                let body =
                    rich::highlight_chars(&hit.snippet, &hit.positions, theme.text(), theme.highlight());
                ListItem::new(vec![rich::clip(head, inner_width), rich::clip(body, inner_width)])
            })
            .collect();
        let title = match (lang, self.query.is_empty()) {
            (Lang::En, true) => " Type to search every note, fact, table and scenario ".to_string(),
            (Lang::Ko, true) => " 입력하면 모든 노트·사실·표·시나리오를 검색합니다 ".to_string(),
            (Lang::En, false) => format!(" {} results ", self.hits.len()),
            (Lang::Ko, false) => format!(" 결과 {}개 ", self.hits.len()),
        };
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.border())
                    .title(title),
            )
            .highlight_style(theme.selected())
            .highlight_symbol("▶ ");
        let mut state = ListState::default().with_selected((!self.hits.is_empty()).then_some(self.cursor));
        frame.render_stateful_widget(list, results_area, &mut state);
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
