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

/// Search state: the query and its current results.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
    /// Results of the query, best first.
    pub hits: Vec<Hit>,
    /// Selected result.
    pub cursor: usize,
}

/// The title bar text.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Search",
        Lang::Ko => "검색",
    }
}

impl SearchState {
    /// Handles a message: typing re-runs the query; Enter opens the selected hit.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        match msg {
            Msg::Input(c) => {
                self.query.push(c);
                self.refresh(shared);
            }
            Msg::Backspace => {
                self.query.pop();
                self.refresh(shared);
            }
            Msg::Action(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Msg::Action(Action::Down) => {
                self.cursor = (self.cursor + 1).min(self.hits.len().saturating_sub(1))
            }
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
        let input = Paragraph::new(Line::from(vec![
            Span::raw(self.query.clone()),
            Span::styled("▏", theme.key()),
        ]))
        .block(
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
