//! The report dashboard: tabs for the overview, forvaltninger, areas (bar chart and quarterly
//! sparklines), questions, overdue and problems (counted, never named). Elm-style, on the same machinery as
//! the learner's program: keys become messages in one table ([`KEYS`], rows of
//! `tui::keys`, which also write the footer and the help), [`update`] changes the [`Model`],
//! [`view::view`] draws it with the learner's [`Theme`], and `tui::run_program` runs it. The
//! report itself is read-only here.

pub mod followup;
#[cfg(test)]
mod tests;
mod view;

use std::io;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Size;

use super::keys::{self, Binding, Key, TableMessage, digits, row};
use super::{Program, Theme, run_program};
use crate::app::runtime::Flow;
use crate::lang::Lang;
use crate::report::model::Report;

pub use view::view;

/// The dashboard's tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// How each forvaltning stands, in people.
    Overview,
    /// Completion per forvaltning and module.
    Forvaltninger,
    /// Knowledge per area and goal, with bar chart and sparklines.
    Areas,
    /// Item statistics.
    Questions,
    /// Who is overdue.
    Overdue,
    /// Files and records not counted.
    Problems,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Forvaltninger,
        Tab::Areas,
        Tab::Questions,
        Tab::Overdue,
        Tab::Problems,
    ];

    /// The tab's position.
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The tab's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Tab::Overview => lang.pick("Overblik", "Overview"),
            Tab::Forvaltninger => "Forvaltninger",
            Tab::Areas => lang.pick("Områder", "Areas"),
            Tab::Questions => lang.pick("Spørgsmål", "Questions"),
            Tab::Overdue => lang.pick("Forsinkede", "Overdue"),
            Tab::Problems => lang.pick("Problemer", "Problems"),
        }
    }

    /// How many selectable rows the tab has.
    pub fn rows(self, r: &Report) -> usize {
        match self {
            Tab::Overview => r.overview.len(),
            Tab::Forvaltninger | Tab::Overdue => r.completion.len(),
            Tab::Areas => crate::report::model::TOPICS,
            Tab::Questions => r.questions.len(),
            Tab::Problems => r.problem_counts.len(),
        }
    }
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// The next tab.
    NextTab,
    /// The previous tab.
    PrevTab,
    /// The tab at this position (0-based): a digit key.
    Goto(usize),
    /// One row up.
    Up,
    /// One row down.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// The first row.
    Home,
    /// The last row.
    End,
    /// Show the help.
    Help,
    /// Close the help.
    CloseHelp,
    /// The selected question on a page of its own (the questions tab).
    Detail,
    /// Back from the question's page to the list.
    CloseDetail,
    /// Danish ↔ English.
    ToggleLang,
    /// The areas in policy order ↔ weakest first.
    SortAreas,
    /// The areas of the next forvaltning (after the last: all again).
    NextForvaltning,
    /// The areas of the previous forvaltning.
    PrevForvaltning,
    /// Leave the dashboard.
    Quit,
}

impl TableMessage for Message {
    const HELP: Message = Message::Help;
    const UP: Message = Message::Up;
    const DOWN: Message = Message::Down;
}

/// What the questions tab shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The list of questions, with the selected one's figures under it.
    List,
    /// The selected question on a page of its own (Enter).
    Question,
}

/// Where the keyboard is: the tabs, one question's page, or the help over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A tab.
    Tabs,
    /// One question on a page of its own, over the questions tab.
    Detail,
    /// The help over a tab.
    Help,
}

impl Context {
    /// Every context.
    pub const ALL: [Context; 3] = [Context::Tabs, Context::Detail, Context::Help];
}

use Context as C;
use Key::{Ctrl, Plain};
use KeyCode as K;

/// Every key of the dashboard; the footer and the help are made from this table. The first
/// row that matches a key in the current context wins.
#[rustfmt::skip] // one row per line reads as the table it is
pub static KEYS: &[Binding<Context, Message>] = &[
    row(&[C::Help], &[Plain(K::Esc), Plain(K::Enter), Plain(K::Char('?')), Plain(K::Char('q'))], Message::CloseHelp, ("luk", "close"), true),
    row(&[C::Help], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("rul op", "scroll up"), true),
    row(&[C::Help], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("rul ned", "scroll down"), true),
    row(&[C::Detail], &[Plain(K::Esc), Plain(K::Enter), Plain(K::Char('q'))], Message::CloseDetail, ("tilbage til listen", "back to the list"), true),
    row(&[C::Detail], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("skift spørgsmål op", "switch question up"), true),
    row(&[C::Detail], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("skift spørgsmål ned", "switch question down"), true),
    row(&[C::Detail], &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    row(&[C::Tabs], &[Plain(K::Tab), Plain(K::Right), Plain(K::Char('l'))], Message::NextTab, ("næste fane", "next tab"), true),
    row(&[C::Tabs], &[Plain(K::BackTab), Plain(K::Left), Plain(K::Char('h'))], Message::PrevTab, ("forrige fane", "previous tab"), false),
    row(&[C::Tabs], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::Tabs], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    row(&[C::Tabs], &[Plain(K::PageUp)], Message::PageUp, ("side op", "page up"), false),
    row(&[C::Tabs], &[Plain(K::PageDown), Plain(K::Char(' '))], Message::PageDown, ("side ned", "page down"), false),
    row(&[C::Tabs], &[Plain(K::Home), Plain(K::Char('g'))], Message::Home, ("først", "first"), false),
    row(&[C::Tabs], &[Plain(K::End), Plain(K::Char('G'))], Message::End, ("sidst", "last"), false),
    digits(&[C::Tabs], '6', Message::Goto, ("vælg fane", "pick tab"), true),
    row(&[C::Tabs], &[Plain(K::Char('s'))], Message::SortAreas, ("områder: svageste først / politikkens orden", "areas: weakest first / policy order"), false),
    row(&[C::Tabs], &[Plain(K::Char('f'))], Message::NextForvaltning, ("områder: næste forvaltning (først alle)", "areas: next forvaltning (all first)"), false),
    row(&[C::Tabs], &[Plain(K::Char('F'))], Message::PrevForvaltning, ("områder: forrige forvaltning", "areas: previous forvaltning"), false),
    row(&[C::Tabs], &[Plain(K::Enter)], Message::Detail, ("spørgsmål: vis det valgte på en side for sig", "questions: the selected one on a page of its own"), false),
    row(&[C::Tabs], &[Plain(K::Char('L'))], Message::ToggleLang, ("English", "dansk"), false),
    row(&[C::Tabs], &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    row(&[C::Tabs], &[Plain(K::Char('q')), Plain(K::Esc)], Message::Quit, ("afslut", "quit"), true),
    row(&Context::ALL, &[Ctrl('c')], Message::Quit, ("afslut", "quit"), false),
];

/// The message for a key press in `ctx`, if any. Ctrl-C always quits (raw mode delivers it as
/// a key).
pub fn to_message(ctx: Context, key: KeyEvent) -> Option<Message> {
    keys::to_message(KEYS, &ctx, key)
}

/// The dashboard's state: which tab, which row of each tab, help shown, language.
#[derive(Debug, Clone)]
pub struct Model {
    /// The tab shown.
    pub tab: Tab,
    /// The selected row per tab.
    pub selected: [usize; 6],
    /// Whether the help is shown.
    pub help: bool,
    /// How far the help is scrolled, in lines.
    pub help_scroll: u16,
    /// What the questions tab shows: its list, or the selected question on a page of its own.
    pub page: Page,
    /// Whether the areas tab lists the weakest area first (else in the policy's order).
    pub weakest_first: bool,
    /// The forvaltning the areas tab shows (an index into `Report::forvaltninger`); `None`:
    /// all together.
    pub areas_forvaltning: Option<usize>,
    /// The language.
    pub lang: Lang,
    /// Set when the user quits.
    pub quit: bool,
}

impl Model {
    /// The start state.
    pub fn new(lang: Lang) -> Self {
        Model {
            tab: Tab::Overview,
            selected: [0; 6],
            help: false,
            help_scroll: 0,
            page: Page::List,
            weakest_first: true,
            areas_forvaltning: None,
            lang,
            quit: false,
        }
    }

    /// Where the keyboard is.
    pub fn context(&self) -> Context {
        if self.help {
            Context::Help
        } else if self.page == Page::Question {
            Context::Detail
        } else {
            Context::Tabs
        }
    }

    /// The selected row of the tab shown.
    pub fn row(&self) -> usize {
        self.selected[self.tab.index()]
    }

    /// The forvaltning the areas tab shows, if one.
    pub fn areas_forvaltning<'r>(&self, r: &'r Report) -> Option<&'r str> {
        self.areas_forvaltning
            .and_then(|i| r.forvaltninger.get(i))
            .map(String::as_str)
    }
}

/// The next (`forward`) or previous filter among all (`None`) and `n` choices, round again:
/// all first, then each.
pub(crate) fn cycle(at: Option<usize>, n: usize, forward: bool) -> Option<usize> {
    let places = n + 1;
    let at = at.map_or(0, |i| i + 1);
    let to = if forward {
        (at + 1) % places
    } else {
        (at + places - 1) % places
    };
    to.checked_sub(1)
}

/// Rows a page moves.
const PAGE: usize = 10;

/// Applies a message.
pub fn update(m: &mut Model, r: &Report, msg: Message) {
    if m.help {
        match msg {
            Message::Up => m.help_scroll = m.help_scroll.saturating_sub(1),
            Message::Down => m.help_scroll = m.help_scroll.saturating_add(1),
            Message::CloseHelp => m.help = false,
            Message::Quit => m.quit = true,
            _ => {}
        }
        return;
    }
    let n = m.tab.rows(r);
    let sel = &mut m.selected[m.tab.index()];
    match msg {
        Message::NextTab => m.tab = Tab::ALL[(m.tab.index() + 1) % Tab::ALL.len()],
        Message::PrevTab => {
            m.tab = Tab::ALL[(m.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
        }
        Message::Goto(i) => m.tab = Tab::ALL.get(i).copied().unwrap_or(m.tab),
        Message::Up => *sel = sel.saturating_sub(1),
        Message::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Message::PageUp => *sel = sel.saturating_sub(PAGE),
        Message::PageDown => *sel = (*sel + PAGE).min(n.saturating_sub(1)),
        Message::Home => *sel = 0,
        Message::End => *sel = n.saturating_sub(1),
        Message::Help => {
            m.help = true;
            m.help_scroll = 0;
        }
        Message::SortAreas => m.weakest_first = !m.weakest_first,
        Message::NextForvaltning => {
            m.areas_forvaltning = cycle(m.areas_forvaltning, r.forvaltninger.len(), true);
        }
        Message::PrevForvaltning => {
            m.areas_forvaltning = cycle(m.areas_forvaltning, r.forvaltninger.len(), false);
        }
        Message::Detail if m.tab == Tab::Questions && n > 0 => m.page = Page::Question,
        Message::Detail => {}
        Message::CloseDetail => m.page = Page::List,
        Message::CloseHelp => m.help = false,
        Message::ToggleLang => m.lang = m.lang.other(),
        Message::Quit => m.quit = true,
    }
}

/// The dashboard as a program for the terminal UI's run loop.
pub struct Dashboard<'a> {
    /// What is shown.
    pub model: Model,
    /// The report shown.
    pub report: &'a Report,
    /// How it is drawn.
    pub theme: Theme,
}

impl Program for Dashboard<'_> {
    fn resize(&mut self, _size: Size) {
        // Every tab lays itself out from the frame on each draw.
    }

    fn draw(&self, frame: &mut Frame) {
        view(&self.model, self.report, self.theme, frame);
    }

    fn key(&mut self, key: KeyEvent) -> Flow {
        if let Some(msg) = to_message(self.model.context(), key) {
            update(&mut self.model, self.report, msg);
        }
        if self.model.quit {
            Flow::Quit
        } else {
            Flow::Continue
        }
    }
}

/// Runs the dashboard in the terminal until the user quits, through the same loop and
/// terminal guard as the learner's program: the terminal is restored on every way out, a
/// panic included.
pub fn run_dashboard(report: &Report, lang: Lang) -> io::Result<()> {
    run_program(&mut Dashboard {
        model: Model::new(lang),
        report,
        theme: Theme::from_env(),
    })
}
