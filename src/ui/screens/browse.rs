//! Browse: the topic list, then one topic in four tabs — notes (sections), facts (a table), comparisons
//! (real tables) and scenarios (keywords highlighted, answer hidden until asked).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Row, Table, TableState, Tabs};

use super::{Outcome, Shared};
use crate::core::content::{ItemKind, ItemRef, Lang, Topic};
use crate::core::quiz::Question;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::msg::{Action, Msg};
use crate::ui::widgets::scroll::{Extent, Scroll};
use crate::ui::widgets::{compare_table, rich, window};

/// The four views of a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Sections.
    #[default]
    Notes,
    /// Facts.
    Facts,
    /// Comparison tables.
    Compare,
    /// Scenarios.
    Scenarios,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Notes, Tab::Facts, Tab::Compare, Tab::Scenarios];

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn label(self, lang: Lang) -> &'static str {
        text::of(lang).tab(self.kind())
    }

    fn kind(self) -> ItemKind {
        match self {
            Tab::Notes => ItemKind::Section,
            Tab::Facts => ItemKind::Fact,
            Tab::Compare => ItemKind::Compare,
            Tab::Scenarios => ItemKind::Scenario,
        }
    }

    fn of(kind: ItemKind) -> Tab {
        match kind {
            ItemKind::Section => Tab::Notes,
            ItemKind::Fact => Tab::Facts,
            ItemKind::Compare => Tab::Compare,
            ItemKind::Scenario => Tab::Scenarios,
        }
    }
}

/// Browse state: topic list cursor, or an open topic with its tab, per-tab cursors and scroll.
#[derive(Debug, Clone, Default)]
pub struct BrowseState {
    /// Selected row of the topic list.
    pub topic_cursor: usize,
    /// The open topic, if any.
    pub topic: Option<usize>,
    /// The tab shown.
    pub tab: Tab,
    /// Selected item per tab.
    pub cursor: [usize; 4],
    /// How far the detail view (a note, a fact's detail, a table, a scenario) is scrolled.
    pub scroll: Scroll,
    /// Whether the selected scenario's answer is shown.
    pub revealed: bool,
    /// Opened on one item from elsewhere (search): Esc goes straight back there.
    pub pop_on_back: bool,
}

impl BrowseState {
    /// Browse opened on a topic.
    pub fn at_topic(topic: usize) -> BrowseState {
        BrowseState {
            topic_cursor: topic,
            topic: Some(topic),
            ..BrowseState::default()
        }
    }

    /// Browse opened on an item, where it lives.
    pub fn at_item(r: ItemRef) -> BrowseState {
        let mut state = BrowseState::at_topic(r.topic);
        state.tab = Tab::of(r.kind);
        state.cursor[state.tab.index()] = r.index;
        state.pop_on_back = true;
        state
    }

    /// The key context: topic list or topic view.
    pub fn context(&self) -> Context {
        if self.topic.is_some() {
            Context::BrowseTopic
        } else {
            Context::BrowseTopics
        }
    }

    /// The title bar text.
    pub fn title(&self, shared: &Shared) -> String {
        let base = text::of(shared.lang).browse().title;
        match self.topic.and_then(|t| shared.deck.topics().get(t)) {
            Some(topic) => format!("{base} › {}", topic.title.get(shared.lang)),
            None => base.to_string(),
        }
    }

    fn items_in_tab(topic: &Topic, tab: Tab) -> usize {
        match tab {
            Tab::Notes => topic.sections.len(),
            Tab::Facts => topic.facts.len(),
            Tab::Compare => topic.compares.len(),
            Tab::Scenarios => topic.scenarios.len(),
        }
    }

    /// Handles a message.
    pub fn update(&mut self, msg: Msg, shared: &Shared) -> Outcome {
        let Msg::Action(action) = msg else {
            return Outcome::none();
        };
        match self.topic.and_then(|t| shared.deck.topics().get(t)) {
            None => self.update_topic_list(action, shared.deck.topics().len()),
            Some(topic) => self.update_topic(action, topic),
        }
    }

    fn update_topic_list(&mut self, action: Action, topics: usize) -> Outcome {
        let last = topics.saturating_sub(1);
        match action {
            Action::Up => self.topic_cursor = self.topic_cursor.saturating_sub(1),
            Action::Down => self.topic_cursor = (self.topic_cursor + 1).min(last),
            Action::Top => self.topic_cursor = 0,
            Action::Bottom => self.topic_cursor = last,
            Action::Open if topics > 0 => *self = BrowseState::at_topic(self.topic_cursor),
            Action::Back => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    fn update_topic(&mut self, action: Action, topic: &Topic) -> Outcome {
        let tab = self.tab.index();
        let last = Self::items_in_tab(topic, self.tab).saturating_sub(1);
        // Notes and scenarios fill the page: the arrows scroll their text; n/p move between them.
        let reading = matches!(self.tab, Tab::Notes | Tab::Scenarios);
        let mut moved = true;
        match action {
            Action::Left => self.tab = Tab::ALL[(tab + 3) % 4],
            Action::Right => self.tab = Tab::ALL[(tab + 1) % 4],
            Action::Up | Action::Down | Action::Top | Action::Bottom if reading => {
                self.scroll.apply(action);
                return Outcome::none();
            }
            Action::Up | Action::PrevItem => self.cursor[tab] = self.cursor[tab].saturating_sub(1),
            Action::Down | Action::NextItem => self.cursor[tab] = (self.cursor[tab] + 1).min(last),
            Action::Top => self.cursor[tab] = 0,
            Action::Bottom => self.cursor[tab] = last,
            Action::PageDown | Action::PageUp => {
                self.scroll.apply(action);
                return Outcome::none();
            }
            Action::Reveal => {
                self.revealed = !self.revealed;
                moved = false;
            }
            Action::Back if self.pop_on_back => return Outcome::pop(),
            Action::Back => {
                self.topic = None;
                moved = false;
            }
            _ => moved = false,
        }
        if moved {
            self.scroll.reset();
            self.revealed = false;
        }
        Outcome::none()
    }

    /// Draws the topic list or the open topic.
    pub fn render(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        match self.topic.and_then(|t| shared.deck.topics().get(t)) {
            None => self.render_topic_list(frame, area, shared),
            Some(topic) => self.render_topic(frame, area, topic, shared),
        }
    }

    fn render_topic_list(&self, frame: &mut Frame, area: Rect, shared: &Shared) {
        let lang = shared.lang;
        // Inside the borders and the `▶ ` selection mark; a row cut to fit says so with `…`.
        let row_width = area.width.saturating_sub(4);
        // Only the topics on screen are built (a topic is one row, two with its summary).
        let topics = shared.deck.topics();
        let shown = window::visible(
            topics.len(),
            self.topic_cursor,
            usize::from(area.height.saturating_sub(2)),
            |i| 1 + usize::from(topics[i].summary.is_some()),
        );
        let items: Vec<ListItem> = topics[shown.clone()]
            .iter()
            .map(|t| {
                let mut lines = vec![Line::styled(t.title.get(lang).to_string(), shared.theme.text())];
                if let Some(summary) = &t.summary {
                    lines.push(Line::styled(
                        format!("  {}", summary.get(lang)),
                        shared.theme.dim(),
                    ));
                }
                ListItem::new(
                    lines
                        .into_iter()
                        .map(|l| rich::clip(l, row_width))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let list = List::new(items)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(shared.theme.border()),
            )
            .highlight_style(shared.theme.selected())
            .highlight_symbol("▶ ");
        let selected = self
            .topic_cursor
            .min(shown.end.saturating_sub(1))
            .saturating_sub(shown.start);
        let mut state = ListState::default().with_selected((!shown.is_empty()).then_some(selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// The tab titles with each tab's item count, or without the counts when those do not fit in `width`
    /// (Korean at 40 columns): every tab name stays readable.
    fn tab_titles(topic: &Topic, lang: Lang, width: u16) -> Vec<String> {
        let counted: Vec<String> = Tab::ALL
            .iter()
            .map(|t| format!("{} ({})", t.label(lang), Self::items_in_tab(topic, *t)))
            .collect();
        // The Tabs widget pads each title with a space on each side and puts a one-column divider between.
        let needed: usize =
            counted.iter().map(|t| rich::display_width(t) + 2).sum::<usize>() + counted.len() - 1;
        if needed <= usize::from(width) {
            counted
        } else {
            Tab::ALL.iter().map(|t| t.label(lang).to_string()).collect()
        }
    }

    fn render_topic(&self, frame: &mut Frame, area: Rect, topic: &Topic, shared: &Shared) {
        let lang = shared.lang;
        let [tabs_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let tabs = Tabs::new(Self::tab_titles(topic, lang, tabs_area.width))
            .select(self.tab.index())
            .highlight_style(shared.theme.selected())
            .divider("│");
        frame.render_widget(tabs, tabs_area);
        let cursor = self.cursor[self.tab.index()];
        if Self::items_in_tab(topic, self.tab) == 0 {
            let empty = text::of(lang).browse().empty[self.tab.index()];
            frame.render_widget(Paragraph::new(empty).style(shared.theme.dim()), body);
            return;
        }
        match self.tab {
            Tab::Notes => self.render_section(frame, body, topic, cursor, shared),
            Tab::Facts => self.render_facts(frame, body, topic, cursor, shared),
            Tab::Compare => self.render_compare(frame, body, topic, cursor, shared),
            Tab::Scenarios => self.render_scenario(frame, body, topic, cursor, shared),
        }
    }

    /// A bordered box `width` columns wide, its title cut with `…` if it does not fit.
    fn boxed(&self, title: String, width: u16, shared: &Shared) -> Block<'static> {
        Block::default()
            .borders(Borders::ALL)
            .border_style(shared.theme.border())
            .title(rich::box_title(title, width))
    }

    fn render_section(&self, frame: &mut Frame, area: Rect, topic: &Topic, cursor: usize, shared: &Shared) {
        let section = &topic.sections[cursor];
        let mut lines = rich::body_lines(section.body.get(shared.lang), shared.theme.text());
        lines.push(Line::raw(""));
        for source in &section.sources {
            lines.push(rich::source_line(source, shared.theme.dim()));
        }
        let title = format!(
            " {} ({}/{}) ",
            section.title.get(shared.lang),
            cursor + 1,
            topic.sections.len()
        );
        rich::scrolled(frame, area, lines, title, &self.scroll, shared.look());
    }

    fn render_facts(&self, frame: &mut Frame, area: Rect, topic: &Topic, cursor: usize, shared: &Shared) {
        let lang = shared.lang;
        let detail_height = (area.height / 2).max(4).min(area.height.saturating_sub(3));
        let [table_area, detail_area] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_height)]).areas(area);
        // Question and answer columns share the room inside the borders 60:40, one column apart; a cell
        // cut to fit ends with `…`, so two long questions that start alike do not look the same.
        let room = table_area.width.saturating_sub(3);
        let (question_width, answer_width) = (room * 3 / 5, room - room * 3 / 5);
        // Only the facts on screen are built (inside the borders, below the header).
        let shown = window::visible_rows(
            topic.facts.len(),
            cursor,
            usize::from(table_area.height.saturating_sub(3)),
        );
        let rows: Vec<Row> = topic.facts[shown.clone()]
            .iter()
            .map(|f| {
                Row::new(vec![
                    rich::truncate(f.prompt.get(lang), usize::from(question_width)),
                    rich::truncate(f.answer.get(lang), usize::from(answer_width)),
                ])
            })
            .collect();
        let header = text::of(lang).browse().headers;
        let widths = [
            Constraint::Length(question_width),
            Constraint::Length(answer_width),
        ];
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(shared.theme.title()))
            .block(self.boxed(String::new(), u16::MAX, shared))
            .row_highlight_style(shared.theme.selected())
            .column_spacing(1);
        let selected = cursor
            .min(shown.end.saturating_sub(1))
            .saturating_sub(shown.start);
        let mut state = TableState::default().with_selected((!shown.is_empty()).then_some(selected));
        frame.render_stateful_widget(table, table_area, &mut state);

        let fact = &topic.facts[cursor];
        let mut lines = vec![
            Line::styled(fact.prompt.get(lang), shared.theme.title()),
            Line::styled(fact.answer.get(lang), shared.theme.good()),
        ];
        if let Some(detail) = &fact.detail {
            lines.extend(rich::body_lines(detail.get(lang), shared.theme.text()));
        }
        if let Some(correction) = &fact.correction {
            let label = text::of(lang).browse().correction;
            lines.push(Line::from(vec![
                Span::styled(label, shared.theme.warn()),
                Span::raw(correction.get(lang)),
            ]));
        }
        lines.push(rich::source_line(&fact.source, shared.theme.dim()));
        let title = format!(" {}/{} ", cursor + 1, topic.facts.len());
        rich::scrolled(frame, detail_area, lines, title, &self.scroll, shared.look());
    }

    fn render_compare(&self, frame: &mut Frame, area: Rect, topic: &Topic, cursor: usize, shared: &Shared) {
        let compare = &topic.compares[cursor];
        let mut block = self.boxed(
            format!(
                " {} ({}/{}) ",
                compare.title.get(shared.lang),
                cursor + 1,
                topic.compares.len()
            ),
            area.width,
            shared,
        );
        let inner = block.inner(area);
        let (table, heights) = compare_table::build(compare, shared.lang, inner.width, &shared.theme);
        // The sources follow the last row.
        let sources: Vec<Line> = compare
            .sources
            .iter()
            .map(|s| rich::source_line(s, shared.theme.dim()))
            .collect();
        let sources = rich::wrap_lines(&sources, inner.width);
        // Tables do not scroll by lines: the steps skip whole rows (two lines of scroll each), as many as it
        // takes for the rest and the sources to fit; if even the header and the sources alone do not, they
        // scroll on by lines.
        let rows = compare.rows.len();
        let view = usize::from(inner.height);
        let lines_from = |skip: usize| heights[0] + heights.get(1 + skip..).map_or(0, |r| r.iter().sum());
        let last_skip = (0..=rows)
            .find(|&skip| lines_from(skip) + sources.len() <= view)
            .unwrap_or(rows);
        let sources_overflow = (lines_from(last_skip) + sources.len()).saturating_sub(view);
        self.scroll.record(Extent {
            max: u16::try_from(last_skip * 2 + sources_overflow).unwrap_or(u16::MAX),
            view: inner.height,
        });
        let offset = usize::from(self.scroll.offset());
        let skipped = (offset / 2).min(last_skip);
        let sources_scroll = offset.saturating_sub(last_skip * 2).min(sources_overflow);
        let table_lines = lines_from(skipped);
        if table_lines + sources.len() - sources_scroll > view {
            let more = text::of(shared.lang).browse().more;
            block = block.title_bottom(Line::styled(more, shared.theme.key()).right_aligned());
        }
        frame.render_widget(block, area);
        // The table gets only the lines its rows take, so it never draws over the sources (past the last
        // row, the header's lines alone).
        let mut state = TableState::default();
        *state.offset_mut() = skipped.min(rows.saturating_sub(1));
        let table_area = Rect {
            height: u16::try_from(table_lines.min(view)).unwrap_or(u16::MAX),
            ..inner
        };
        frame.render_stateful_widget(table, table_area, &mut state);
        let below = view.saturating_sub(table_lines);
        if below > 0 {
            let at = Rect {
                y: inner.y + table_area.height,
                height: u16::try_from(below).unwrap_or(0),
                ..inner
            };
            let scroll = u16::try_from(sources_scroll).unwrap_or(0);
            frame.render_widget(Paragraph::new(sources).scroll((scroll, 0)), at);
        }
    }

    fn render_scenario(&self, frame: &mut Frame, area: Rect, topic: &Topic, cursor: usize, shared: &Shared) {
        let lang = shared.lang;
        let theme = &shared.theme;
        let scenario = &topic.scenarios[cursor];
        let keywords: &[String] = if shared.highlights.show(self.revealed) {
            scenario.keywords.get(lang)
        } else {
            &[]
        };
        let mut lines = vec![rich::highlight_phrases(
            scenario.prompt.get(lang),
            keywords,
            theme.text(),
            theme.highlight(),
        )];
        lines.push(Line::raw(""));
        // The file writes the right answer anywhere (often first); show a fixed shuffle instead.
        let shown = Question::shown(&topic.id, scenario, 0);
        let choices = shown.as_ref().map_or(&[][..], |q| &q.choices[..]);
        for (i, choice) in choices.iter().enumerate() {
            let letter = (b'A' + i as u8) as char;
            let (mark, style) = match (self.revealed, choice.correct) {
                (true, true) => ("✓", theme.good()),
                (true, false) => ("✗", theme.dim()),
                (false, _) => (" ", theme.text()),
            };
            // The marker is a span of its own, so a wrapped choice hangs under its text.
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} {letter}. "), style),
                Span::styled(choice.text.get(lang).to_string(), style),
            ]));
            if let (true, Some(why)) = (self.revealed, &choice.why) {
                lines.push(Line::styled(format!("     {}", why.get(lang)), theme.dim()));
            }
        }
        lines.push(Line::raw(""));
        if self.revealed {
            lines.extend(rich::body_lines(scenario.explanation.get(lang), theme.text()));
            lines.push(rich::source_line(&scenario.source, theme.dim()));
        } else {
            let hint = text::of(lang).browse().reveal;
            lines.push(Line::styled(hint, theme.dim()));
        }
        let choose = match scenario.correct_count() {
            1 => String::new(),
            n => (text::of(lang).browse().choose)(n),
        };
        let title = format!(" {}/{}{choose} ", cursor + 1, topic.scenarios.len());
        rich::scrolled(frame, area, lines, title, &self.scroll, shared.look());
    }
}
