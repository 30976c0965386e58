//! The report dashboard: tabs for the overview, forvaltninger, areas (bar chart and quarterly
//! sparklines), questions, overdue learners and problems. Elm-style: keys become messages in
//! one table ([`KEYS`], which also writes the footer and the help), [`update`] changes the
//! [`Model`], [`view::view`] draws it. The report itself is read-only here.

#[cfg(test)]
mod tests;
mod view;

use std::io;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::lang::Lang;
use crate::report::model::Report;

pub use view::view;

/// The dashboard's tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Counts and headline figures.
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
            Tab::Overview => 0,
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
    /// A tab by number.
    Goto(Tab),
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
    /// Show or hide the help.
    Help,
    /// Danish ↔ English.
    ToggleLang,
    /// Leave the dashboard.
    Quit,
}

/// One line of the key table: the keys, their hint (Danish, English), the message.
pub struct KeyBinding {
    /// Codes that trigger it.
    pub codes: &'static [KeyCode],
    /// What the footer and help show for the keys.
    pub keys: &'static str,
    /// What it does, Danish.
    pub da: &'static str,
    /// What it does, English.
    pub en: &'static str,
    /// The message.
    pub message: Message,
    /// Whether the footer shows it (the help shows every binding with keys).
    pub footer: bool,
}

/// Every key of the dashboard; the footer and the help are made from this table.
pub const KEYS: &[KeyBinding] = &[
    KeyBinding {
        codes: &[KeyCode::Tab, KeyCode::Right, KeyCode::Char('l')],
        keys: "Tab/→",
        da: "næste fane",
        en: "next tab",
        message: Message::NextTab,
        footer: true,
    },
    KeyBinding {
        codes: &[KeyCode::BackTab, KeyCode::Left, KeyCode::Char('h')],
        keys: "⇧Tab/←",
        da: "forrige fane",
        en: "previous tab",
        message: Message::PrevTab,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Up, KeyCode::Char('k')],
        keys: "↑/k",
        da: "op",
        en: "up",
        message: Message::Up,
        footer: true,
    },
    KeyBinding {
        codes: &[KeyCode::Down, KeyCode::Char('j')],
        keys: "↓/j",
        da: "ned",
        en: "down",
        message: Message::Down,
        footer: true,
    },
    KeyBinding {
        codes: &[KeyCode::PageUp],
        keys: "PgUp",
        da: "side op",
        en: "page up",
        message: Message::PageUp,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::PageDown, KeyCode::Char(' ')],
        keys: "PgDn",
        da: "side ned",
        en: "page down",
        message: Message::PageDown,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Home, KeyCode::Char('g')],
        keys: "g",
        da: "først",
        en: "first",
        message: Message::Home,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::End, KeyCode::Char('G')],
        keys: "G",
        da: "sidst",
        en: "last",
        message: Message::End,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('1')],
        keys: "1–6",
        da: "vælg fane",
        en: "pick tab",
        message: Message::Goto(Tab::Overview),
        footer: true,
    },
    KeyBinding {
        codes: &[KeyCode::Char('2')],
        keys: "",
        da: "",
        en: "",
        message: Message::Goto(Tab::Forvaltninger),
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('3')],
        keys: "",
        da: "",
        en: "",
        message: Message::Goto(Tab::Areas),
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('4')],
        keys: "",
        da: "",
        en: "",
        message: Message::Goto(Tab::Questions),
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('5')],
        keys: "",
        da: "",
        en: "",
        message: Message::Goto(Tab::Overdue),
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('6')],
        keys: "",
        da: "",
        en: "",
        message: Message::Goto(Tab::Problems),
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('L')],
        keys: "L",
        da: "English",
        en: "dansk",
        message: Message::ToggleLang,
        footer: false,
    },
    KeyBinding {
        codes: &[KeyCode::Char('?')],
        keys: "?",
        da: "hjælp",
        en: "help",
        message: Message::Help,
        footer: true,
    },
    KeyBinding {
        codes: &[KeyCode::Char('q'), KeyCode::Esc],
        keys: "q",
        da: "afslut",
        en: "quit",
        message: Message::Quit,
        footer: true,
    },
];

/// The message for a key press, if any. Ctrl-C always quits (raw mode delivers it as a key).
pub fn to_message(key: KeyEvent) -> Option<Message> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Message::Quit);
    }
    KEYS.iter()
        .find(|b| b.codes.contains(&key.code))
        .map(|b| b.message)
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
    /// The language.
    pub lang: Lang,
    /// Whether colours are off (`NO_COLOR`).
    pub no_color: bool,
    /// Set when the user quits.
    pub quit: bool,
}

impl Model {
    /// The start state.
    pub fn new(lang: Lang, no_color: bool) -> Self {
        Model {
            tab: Tab::Overview,
            selected: [0; 6],
            help: false,
            lang,
            no_color,
            quit: false,
        }
    }

    /// The selected row of the tab shown.
    pub fn row(&self) -> usize {
        self.selected[self.tab.index()]
    }
}

/// Rows a page moves.
const PAGE: usize = 10;

/// Applies a message.
pub fn update(m: &mut Model, r: &Report, msg: Message) {
    let n = m.tab.rows(r);
    let sel = &mut m.selected[m.tab.index()];
    match msg {
        Message::NextTab => m.tab = Tab::ALL[(m.tab.index() + 1) % Tab::ALL.len()],
        Message::PrevTab => {
            m.tab = Tab::ALL[(m.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()];
        }
        Message::Goto(t) => m.tab = t,
        Message::Up => *sel = sel.saturating_sub(1),
        Message::Down => *sel = (*sel + 1).min(n.saturating_sub(1)),
        Message::PageUp => *sel = sel.saturating_sub(PAGE),
        Message::PageDown => *sel = (*sel + PAGE).min(n.saturating_sub(1)),
        Message::Home => *sel = 0,
        Message::End => *sel = n.saturating_sub(1),
        Message::Help => m.help = !m.help,
        Message::ToggleLang => m.lang = m.lang.other(),
        Message::Quit => {
            if m.help {
                m.help = false;
            } else {
                m.quit = true;
            }
        }
    }
}

/// Runs the dashboard in the terminal until the user quits; the terminal is restored on every
/// way out, a panic included (ratatui's `run` installs the hook).
pub fn run_dashboard(report: &Report, lang: Lang) -> io::Result<()> {
    let mut model = Model::new(lang, crate::tui::theme::no_color_from_env());
    ratatui::run(|terminal| {
        while !model.quit {
            terminal.draw(|f| view(&model, report, f))?;
            // Resize and other events simply redraw.
            if let Event::Key(key) = event::read()?
                && let Some(msg) = to_message(key)
            {
                update(&mut model, report, msg);
            }
        }
        Ok(())
    })
}
