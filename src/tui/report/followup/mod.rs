//! The follow-up view (`bevidst report DIR --followup-view`): the security officer's own,
//! explicitly personal screen, apart from the dashboard (which is aggregate and may be shown
//! in a forum on a projector). One row per overdue person with their modules, days overdue
//! and why, sortable and filtered by forvaltning; and a tab of the files with problems,
//! grouped by file and kind. A banner that never scrolls away says it is personal data.
//!
//! The same data as the follow-up files (`FollowUp::per_person` and
//! `FollowUp::problems_by_file`, through the column lists `columns::PEOPLE` and
//! `columns::FILE_PROBLEMS`), on the dashboard's machinery: one key table ([`KEYS`]) for keys,
//! footer and help, a pure [`update`], and [`view::view`] drawing with the learner's theme.

#[cfg(test)]
mod tests;
mod view;

use std::io;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Size;

use crate::app::runtime::Flow;
use crate::lang::Lang;
use crate::message::Bi;
use crate::report::model::{FileProblems, FollowUp, ModuleHead, PersonDue};
use crate::tui::keys::{self, Binding, Key, TableMessage, digits, row};
use crate::tui::{Program, Theme, run_program};

pub use view::view;

/// What the view shows: the follow-up lists made once into the rows it lists.
#[derive(Debug, Clone)]
pub struct FollowUpData {
    /// The day overdue status refers to.
    pub today: String,
    /// Every overdue person, one row each (in forvaltning order, most overdue first).
    pub people: Vec<PersonDue>,
    /// The forvaltninger with anyone overdue, sorted: the filter cycles through them.
    pub forvaltninger: Vec<String>,
    /// The files with problems, one row per file and kind.
    pub files: Vec<FileProblems>,
}

impl FollowUpData {
    /// The view's rows from the follow-up lists; `modules` gives the titles.
    pub fn new(f: &FollowUp, modules: &[ModuleHead]) -> Self {
        let per = f.per_person(modules);
        FollowUpData {
            today: f.today.clone(),
            forvaltninger: per.keys().cloned().collect(),
            people: per.into_values().flatten().collect(),
            files: f.problems_by_file(),
        }
    }
}

/// The view's tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// One row per overdue person.
    People,
    /// The files with problems, by file and kind.
    Files,
}

impl Tab {
    /// Both tabs in order.
    pub const ALL: [Tab; 2] = [Tab::People, Tab::Files];

    /// The tab's position.
    pub fn index(self) -> usize {
        match self {
            Tab::People => 0,
            Tab::Files => 1,
        }
    }

    /// The tab's title.
    pub fn title(self) -> Bi {
        match self {
            Tab::People => Bi::new("Forsinkede personer", "Overdue people"),
            Tab::Files => Bi::new("Filer med problemer", "Files with problems"),
        }
    }
}

/// The order of the people's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Most days overdue first.
    MostOverdue,
    /// By forvaltning, most overdue first within each.
    Forvaltning,
    /// By employee id.
    Person,
}

impl SortBy {
    /// The next order (`s`).
    fn next(self) -> SortBy {
        match self {
            SortBy::MostOverdue => SortBy::Forvaltning,
            SortBy::Forvaltning => SortBy::Person,
            SortBy::Person => SortBy::MostOverdue,
        }
    }

    /// The order in words.
    pub fn words(self) -> Bi {
        match self {
            SortBy::MostOverdue => Bi::new("mest forsinket først", "most overdue first"),
            SortBy::Forvaltning => Bi::new("efter forvaltning", "by forvaltning"),
            SortBy::Person => Bi::new("efter medarbejder", "by employee"),
        }
    }
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// The other tab.
    NextTab,
    /// The other tab, backwards.
    PrevTab,
    /// The tab at this position (0-based).
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
    /// The next order of the people.
    Sort,
    /// Only the next forvaltning (after the last: all again).
    NextForvaltning,
    /// Only the previous forvaltning.
    PrevForvaltning,
    /// Show the help.
    Help,
    /// Close the help.
    CloseHelp,
    /// Danish ↔ English.
    ToggleLang,
    /// Leave the view.
    Quit,
}

impl TableMessage for Message {
    const HELP: Message = Message::Help;
    const UP: Message = Message::Up;
    const DOWN: Message = Message::Down;
}

/// Where the keyboard is: the tabs, or the help over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A tab.
    Tabs,
    /// The help over a tab.
    Help,
}

impl Context {
    /// Both contexts.
    pub const ALL: [Context; 2] = [Context::Tabs, Context::Help];
}

use Context as C;
use Key::{Ctrl, Plain};
use KeyCode as K;

/// Every key of the follow-up view; the footer and the help are made from this table.
#[rustfmt::skip] // one row per line reads as the table it is
pub static KEYS: &[Binding<Context, Message>] = &[
    row(&[C::Help], &[Plain(K::Esc), Plain(K::Enter), Plain(K::Char('?')), Plain(K::Char('q'))], Message::CloseHelp, ("luk", "close"), true),
    row(&[C::Help], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("rul op", "scroll up"), true),
    row(&[C::Help], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("rul ned", "scroll down"), true),
    row(&[C::Tabs], &[Plain(K::Tab), Plain(K::Right), Plain(K::Char('l'))], Message::NextTab, ("næste fane", "next tab"), false),
    row(&[C::Tabs], &[Plain(K::BackTab), Plain(K::Left), Plain(K::Char('h'))], Message::PrevTab, ("forrige fane", "previous tab"), false),
    row(&[C::Tabs], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::Tabs], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    row(&[C::Tabs], &[Plain(K::PageUp)], Message::PageUp, ("side op", "page up"), false),
    row(&[C::Tabs], &[Plain(K::PageDown), Plain(K::Char(' '))], Message::PageDown, ("side ned", "page down"), false),
    row(&[C::Tabs], &[Plain(K::Home), Plain(K::Char('g'))], Message::Home, ("først", "first"), false),
    row(&[C::Tabs], &[Plain(K::End), Plain(K::Char('G'))], Message::End, ("sidst", "last"), false),
    digits(&[C::Tabs], '2', Message::Goto, ("vælg fane", "pick tab"), true),
    row(&[C::Tabs], &[Plain(K::Char('s'))], Message::Sort, ("sortér", "sort"), true),
    row(&[C::Tabs], &[Plain(K::Char('f'))], Message::NextForvaltning, ("næste forvaltning", "next forvaltning"), true),
    row(&[C::Tabs], &[Plain(K::Char('F'))], Message::PrevForvaltning, ("forrige forvaltning", "previous forvaltning"), false),
    row(&[C::Tabs], &[Plain(K::Char('L'))], Message::ToggleLang, ("English", "dansk"), false),
    row(&[C::Tabs], &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    row(&[C::Tabs], &[Plain(K::Char('q')), Plain(K::Esc)], Message::Quit, ("afslut", "quit"), true),
    row(&Context::ALL, &[Ctrl('c')], Message::Quit, ("afslut", "quit"), false),
];

/// The message for a key press in `ctx`, if any.
pub fn to_message(ctx: Context, key: KeyEvent) -> Option<Message> {
    keys::to_message(KEYS, &ctx, key)
}

/// The view's state.
#[derive(Debug, Clone)]
pub struct Model {
    /// The tab shown.
    pub tab: Tab,
    /// The selected row per tab.
    pub selected: [usize; 2],
    /// The order of the people.
    pub sort: SortBy,
    /// The forvaltning shown (an index into [`FollowUpData::forvaltninger`]); `None`: all.
    pub forvaltning: Option<usize>,
    /// Whether the help is shown.
    pub help: bool,
    /// How far the help is scrolled, in lines.
    pub help_scroll: u16,
    /// The language.
    pub lang: Lang,
    /// Set when the user quits.
    pub quit: bool,
}

impl Model {
    /// The start state: everyone, most overdue first.
    pub fn new(lang: Lang) -> Self {
        Model {
            tab: Tab::People,
            selected: [0; 2],
            sort: SortBy::MostOverdue,
            forvaltning: None,
            help: false,
            help_scroll: 0,
            lang,
            quit: false,
        }
    }

    /// Where the keyboard is.
    pub fn context(&self) -> Context {
        if self.help {
            Context::Help
        } else {
            Context::Tabs
        }
    }

    /// The selected row of the tab shown.
    pub fn row(&self) -> usize {
        self.selected[self.tab.index()]
    }

    /// The forvaltning the people are filtered to, if any.
    pub fn filter<'d>(&self, d: &'d FollowUpData) -> Option<&'d str> {
        self.forvaltning
            .and_then(|i| d.forvaltninger.get(i))
            .map(String::as_str)
    }
}

/// The people shown, in the order shown: the filter's forvaltning (or all), sorted.
pub fn people_shown<'d>(m: &Model, d: &'d FollowUpData) -> Vec<&'d PersonDue> {
    let only = m.filter(d);
    let mut people: Vec<&PersonDue> = d
        .people
        .iter()
        .filter(|p| only.is_none_or(|f| p.forvaltning == f))
        .collect();
    let most = |p: &PersonDue| std::cmp::Reverse(p.most_days());
    match m.sort {
        SortBy::MostOverdue => people.sort_by(|a, b| {
            (most(a), &a.forvaltning, &a.learner).cmp(&(most(b), &b.forvaltning, &b.learner))
        }),
        SortBy::Forvaltning => people.sort_by(|a, b| {
            (&a.forvaltning, most(a), &a.learner).cmp(&(&b.forvaltning, most(b), &b.learner))
        }),
        SortBy::Person => {
            people.sort_by(|a, b| (&a.learner, &a.forvaltning).cmp(&(&b.learner, &b.forvaltning)));
        }
    }
    people
}

/// How many rows the tab shown has.
fn rows(m: &Model, d: &FollowUpData) -> usize {
    match m.tab {
        Tab::People => match m.filter(d) {
            None => d.people.len(),
            Some(f) => d.people.iter().filter(|p| p.forvaltning == f).count(),
        },
        Tab::Files => d.files.len(),
    }
}

/// Rows a page moves.
const PAGE: usize = 10;

/// Applies a message.
pub fn update(m: &mut Model, d: &FollowUpData, msg: Message) {
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
    let n = rows(m, d);
    let tabs = Tab::ALL.len();
    let sel = &mut m.selected[m.tab.index()];
    match msg {
        Message::NextTab => m.tab = Tab::ALL[(m.tab.index() + 1) % tabs],
        Message::PrevTab => m.tab = Tab::ALL[(m.tab.index() + tabs - 1) % tabs],
        Message::Goto(i) => m.tab = Tab::ALL.get(i).copied().unwrap_or(m.tab),
        Message::Up => *sel = sel.saturating_sub(1),
        Message::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Message::PageUp => *sel = sel.saturating_sub(PAGE),
        Message::PageDown => *sel = (*sel + PAGE).min(n.saturating_sub(1)),
        Message::Home => *sel = 0,
        Message::End => *sel = n.saturating_sub(1),
        Message::Sort => {
            m.sort = m.sort.next();
            m.selected[Tab::People.index()] = 0;
        }
        Message::NextForvaltning | Message::PrevForvaltning => {
            let forward = matches!(msg, Message::NextForvaltning);
            m.forvaltning = super::cycle(m.forvaltning, d.forvaltninger.len(), forward);
            m.selected[Tab::People.index()] = 0;
        }
        Message::Help => {
            m.help = true;
            m.help_scroll = 0;
        }
        Message::CloseHelp => m.help = false,
        Message::ToggleLang => m.lang = m.lang.other(),
        Message::Quit => m.quit = true,
    }
}

/// The follow-up view as a program for the terminal UI's run loop.
pub struct FollowUpView<'a> {
    /// What is shown.
    pub model: Model,
    /// The rows.
    pub data: &'a FollowUpData,
    /// How it is drawn.
    pub theme: Theme,
}

impl Program for FollowUpView<'_> {
    fn resize(&mut self, _size: Size) {
        // Laid out from the frame on each draw.
    }

    fn draw(&self, frame: &mut Frame) {
        view(&self.model, self.data, self.theme, frame);
    }

    fn key(&mut self, key: KeyEvent) -> Flow {
        if let Some(msg) = to_message(self.model.context(), key) {
            update(&mut self.model, self.data, msg);
        }
        if self.model.quit {
            Flow::Quit
        } else {
            Flow::Continue
        }
    }
}

/// Runs the follow-up view in the terminal until the user quits, through the same loop and
/// terminal guard as the dashboard.
pub fn run_followup_view(f: &FollowUp, modules: &[ModuleHead], lang: Lang) -> io::Result<()> {
    let data = FollowUpData::new(f, modules);
    run_program(&mut FollowUpView {
        model: Model::new(lang),
        data: &data,
        theme: Theme::from_env(),
    })
}
