//! The one table from keys to messages, per context. The footer's key hints, the `?` help and
//! any "press X to …" text are generated from this same table, so they cannot drift from
//! what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::{Message, Model, Overlay, Screen, Step};
use crate::lang::Lang;

/// Where the keyboard is: the screen, or the part of a screen, that decides what keys mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Typing in a text field (first start or settings).
    FormText,
    /// Choosing from a list in a form.
    FormList,
    /// The first-start summary.
    FormSummary,
    /// The module list.
    Home,
    /// Reading a lesson.
    Lesson,
    /// Answering a question.
    Quiz,
    /// The result, stored.
    Result,
    /// The result, not stored (storing failed; Enter tries again).
    ResultUnsaved,
    /// The review.
    Review,
    /// The settings list.
    Settings,
    /// The help over a screen.
    Help,
    /// A yes/no question.
    Confirm,
}

/// The context of the model as it stands.
pub fn context(model: &Model) -> Context {
    let step_context = |step: Step| {
        if step.is_text() {
            Context::FormText
        } else if step.is_list() {
            Context::FormList
        } else {
            Context::FormSummary
        }
    };
    match model.overlay {
        Some(Overlay::Help) => return Context::Help,
        Some(Overlay::Confirm(_)) => return Context::Confirm,
        None => {}
    }
    match &model.screen {
        Screen::FirstStart(form) => step_context(form.step),
        Screen::Home => Context::Home,
        Screen::Lesson(_) => Context::Lesson,
        Screen::Quiz(_) => Context::Quiz,
        Screen::Result(r) if matches!(r.save, crate::app::SaveState::Failed(_)) => {
            Context::ResultUnsaved
        }
        Screen::Result(_) => Context::Result,
        Screen::Review(_) => Context::Review,
        Screen::Settings(s) if s.editing => {
            step_context(Step::FIELDS[s.selected.min(Step::FIELDS.len() - 1)])
        }
        Screen::Settings(_) => Context::Settings,
    }
}

/// A key, or a family of keys, in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl or Alt (Shift allowed, so `G` and `?` work on any layout).
    Plain(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// The digits 1–9, meaning the item at that position.
    Digits,
    /// Any printable character, typed into a field.
    Printable,
}

/// What a binding does; turned into a [`Message`] with the key's value where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// No doc per variant: each is the message of the same name.
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Prev,
    Next,
    Pick,
    Toggle,
    Confirm,
    Back,
    Quit,
    Yes,
    No,
    Help,
    ToggleLanguage,
    OpenSettings,
    StartQuiz,
    Review,
    Retry,
    Input,
    Backspace,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where the row applies.
    pub contexts: &'static [Context],
    /// The keys, in the order the hints show them.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What they do in words (Danish, English).
    pub label: (&'static str, &'static str),
    /// Whether the footer shows the row (the help shows every row).
    pub footer: bool,
}

use Context as C;
use Key::{Ctrl, Digits, Plain, Printable};
use KeyCode as K;

const NOT_TYPING: &[Context] = &[
    C::FormList,
    C::FormSummary,
    C::Home,
    C::Lesson,
    C::Quiz,
    C::Result,
    C::ResultUnsaved,
    C::Review,
    C::Settings,
];
const NOT_TYPING_OR_QUIZ: &[Context] = &[
    C::FormList,
    C::FormSummary,
    C::Home,
    C::Lesson,
    C::Result,
    C::ResultUnsaved,
    C::Review,
    C::Settings,
];
const ALL: &[Context] = &[
    C::FormText,
    C::FormList,
    C::FormSummary,
    C::Home,
    C::Lesson,
    C::Quiz,
    C::Result,
    C::ResultUnsaved,
    C::Review,
    C::Settings,
    C::Help,
    C::Confirm,
];

const fn row(
    contexts: &'static [Context],
    keys: &'static [Key],
    action: Action,
    label: (&'static str, &'static str),
    footer: bool,
) -> Binding {
    Binding {
        contexts,
        keys,
        action,
        label,
        footer,
    }
}

/// The key map. The first row that matches a key in the current context wins.
#[rustfmt::skip] // one row per line reads as the table it is
pub static BINDINGS: &[Binding] = &[
    // Dialogs and help first, so their keys win.
    row(&[C::Confirm], &[Plain(K::Char('j')), Plain(K::Char('y'))], Action::Yes, ("ja", "yes"), true),
    row(&[C::Confirm], &[Plain(K::Char('n')), Plain(K::Esc)], Action::No, ("nej", "no"), true),
    row(&[C::Help], &[Plain(K::Esc), Plain(K::Enter), Plain(K::Char('?')), Plain(K::Char('q'))], Action::Back, ("luk", "close"), true),
    // Forms.
    row(&[C::FormSummary], &[Plain(K::Enter)], Action::Confirm, ("gem", "save"), true),
    row(&[C::FormSummary], &[Plain(K::Esc)], Action::Back, ("ret", "change"), true),
    row(&[C::FormText, C::FormList], &[Plain(K::Enter)], Action::Confirm, ("bekræft", "confirm"), true),
    row(&[C::FormText, C::FormList], &[Plain(K::Esc)], Action::Back, ("tilbage", "back"), true),
    row(&[C::FormList], &[Plain(K::Up), Plain(K::Char('k'))], Action::Up, ("op", "up"), true),
    row(&[C::FormList], &[Plain(K::Down), Plain(K::Char('j'))], Action::Down, ("ned", "down"), true),
    row(&[C::FormList], &[Digits], Action::Pick, ("vælg nummer", "choose by number"), false),
    row(&[C::FormText], &[Plain(K::Backspace)], Action::Backspace, ("slet", "delete"), true),
    // Home.
    row(&[C::Home], &[Plain(K::Up), Plain(K::Char('k'))], Action::Up, ("op", "up"), true),
    row(&[C::Home], &[Plain(K::Down), Plain(K::Char('j'))], Action::Down, ("ned", "down"), true),
    row(&[C::Home], &[Plain(K::Enter)], Action::Confirm, ("åbn", "open"), true),
    row(&[C::Home], &[Plain(K::Char('t'))], Action::StartQuiz, ("tag quizzen", "take the quiz"), true),
    row(&[C::Home], &[Digits], Action::Pick, ("vælg modul nummer", "choose module by number"), false),
    row(&[C::Home, C::Settings], &[Plain(K::Home), Plain(K::Char('g'))], Action::First, ("til toppen", "to the top"), false),
    row(&[C::Home, C::Settings], &[Plain(K::End), Plain(K::Char('G'))], Action::Last, ("til bunden", "to the bottom"), false),
    row(&[C::Home], &[Plain(K::Char('s'))], Action::OpenSettings, ("indstillinger", "settings"), true),
    // Lesson.
    row(&[C::Lesson], &[Plain(K::Enter)], Action::Confirm, ("videre", "go on"), true),
    row(&[C::Lesson], &[Plain(K::Right), Plain(K::Char('l'))], Action::Next, ("næste side", "next page"), false),
    row(&[C::Lesson], &[Plain(K::Left), Plain(K::Char('h'))], Action::Prev, ("forrige side", "previous page"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::Up), Plain(K::Char('k'))], Action::Up, ("rul op", "scroll up"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::Down), Plain(K::Char('j'))], Action::Down, ("rul ned", "scroll down"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::PageUp)], Action::PageUp, ("en skærm op", "a screen up"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::PageDown), Plain(K::Char(' '))], Action::PageDown, ("en skærm ned", "a screen down"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::Home), Plain(K::Char('g'))], Action::First, ("til toppen", "to the top"), false),
    row(&[C::Lesson, C::Review], &[Plain(K::End), Plain(K::Char('G'))], Action::Last, ("til bunden", "to the bottom"), false),
    row(&[C::Lesson], &[Plain(K::Char('t'))], Action::StartQuiz, ("direkte til quizzen", "straight to the quiz"), false),
    row(&[C::Lesson], &[Plain(K::Esc)], Action::Back, ("oversigt", "overview"), true),
    // Quiz.
    row(&[C::Quiz], &[Plain(K::Up), Plain(K::Char('k'))], Action::Up, ("op", "up"), true),
    row(&[C::Quiz], &[Plain(K::Down), Plain(K::Char('j'))], Action::Down, ("ned", "down"), true),
    row(&[C::Quiz], &[Digits], Action::Pick, ("vælg", "choose"), true),
    row(&[C::Quiz], &[Plain(K::Char(' '))], Action::Toggle, ("vælg/fravælg", "choose/unchoose"), true),
    row(&[C::Quiz], &[Plain(K::Enter)], Action::Confirm, ("videre", "go on"), true),
    row(&[C::Quiz], &[Plain(K::Right), Plain(K::Char('l'))], Action::Next, ("næste spørgsmål", "next question"), false),
    row(&[C::Quiz], &[Plain(K::Left), Plain(K::Char('h'))], Action::Prev, ("forrige spørgsmål", "previous question"), false),
    row(&[C::Quiz], &[Plain(K::Esc)], Action::Back, ("afbryd", "stop"), true),
    // Result and review.
    row(&[C::Result], &[Plain(K::Enter), Plain(K::Char('r'))], Action::Confirm, ("gennemgang", "review"), true),
    row(&[C::ResultUnsaved], &[Plain(K::Enter)], Action::Confirm, ("gem igen", "save again"), true),
    row(&[C::Result, C::ResultUnsaved, C::Review], &[Plain(K::Char('t'))], Action::Retry, ("prøv igen", "try again"), true),
    row(&[C::Result, C::ResultUnsaved], &[Plain(K::Esc)], Action::Back, ("oversigt", "overview"), true),
    row(&[C::Review], &[Plain(K::Enter), Plain(K::Right), Plain(K::Char('l'))], Action::Next, ("næste spørgsmål", "next question"), false),
    row(&[C::Review], &[Plain(K::Left), Plain(K::Char('h'))], Action::Prev, ("forrige spørgsmål", "previous question"), false),
    row(&[C::Review], &[Plain(K::Esc)], Action::Back, ("resultat", "result"), true),
    // Settings.
    row(&[C::Settings], &[Plain(K::Up), Plain(K::Char('k'))], Action::Up, ("op", "up"), true),
    row(&[C::Settings], &[Plain(K::Down), Plain(K::Char('j'))], Action::Down, ("ned", "down"), true),
    row(&[C::Settings], &[Plain(K::Enter)], Action::Confirm, ("ret", "change"), true),
    row(&[C::Settings], &[Digits], Action::Pick, ("vælg linje nummer", "choose line by number"), false),
    row(&[C::Settings], &[Plain(K::Esc)], Action::Back, ("oversigt", "overview"), true),
    // Everywhere (the labels of the language key name the language it switches to).
    row(&[C::Home, C::Settings, C::Result, C::ResultUnsaved, C::Review], &[Plain(K::Char('L'))], Action::ToggleLanguage, ("English", "dansk"), true),
    row(NOT_TYPING, &[Plain(K::Char('?'))], Action::Help, ("hjælp", "help"), true),
    row(&[C::FormText], &[Plain(K::F(1))], Action::Help, ("hjælp", "help"), true),
    row(&[C::Quiz], &[Plain(K::Char('q'))], Action::Quit, ("afslut", "quit"), false),
    row(NOT_TYPING_OR_QUIZ, &[Plain(K::Char('q'))], Action::Quit, ("afslut", "quit"), true),
    row(ALL, &[Ctrl('c')], Action::Quit, ("afslut", "quit"), false),
    row(&[C::FormText], &[Printable], Action::Input, ("skriv", "type"), false),
];

fn applies(binding: &Binding, ctx: Context) -> bool {
    binding.contexts.contains(&ctx)
}

/// How a key event matched a binding's key.
enum Hit {
    /// A single key.
    Key,
    /// A key of a family, with its character (a digit, a typed character).
    Char(char),
}

/// Whether `event` is `key`, and with what character for a family of keys.
fn matches(key: Key, event: KeyEvent) -> Option<Hit> {
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    match (key, event.code) {
        (Plain(code), c) if plain && code == c => Some(Hit::Key),
        (Ctrl(want), K::Char(c))
            if event.modifiers.contains(KeyModifiers::CONTROL) && c.eq_ignore_ascii_case(&want) =>
        {
            Some(Hit::Key)
        }
        (Digits, K::Char(c @ '1'..='9')) if plain => Some(Hit::Char(c)),
        (Printable, K::Char(c)) if plain && !c.is_control() => Some(Hit::Char(c)),
        _ => None,
    }
}

/// The message a key press means in `ctx`, if any.
pub fn to_message(ctx: Context, event: KeyEvent) -> Option<Message> {
    for binding in BINDINGS.iter().filter(|b| applies(b, ctx)) {
        for &key in binding.keys {
            if let Some(hit) = matches(key, event) {
                let value = match hit {
                    Hit::Key => None,
                    Hit::Char(c) => Some(c),
                };
                return Some(message(binding.action, value));
            }
        }
    }
    None
}

fn message(action: Action, value: Option<char>) -> Message {
    match action {
        Action::Up => Message::Up,
        Action::Down => Message::Down,
        Action::PageUp => Message::PageUp,
        Action::PageDown => Message::PageDown,
        Action::First => Message::First,
        Action::Last => Message::Last,
        Action::Prev => Message::Prev,
        Action::Next => Message::Next,
        Action::Pick => Message::Pick(
            value
                .and_then(|c| c.to_digit(10))
                .and_then(|d| usize::try_from(d).ok())
                .map_or(0, |d| d.saturating_sub(1)),
        ),
        Action::Toggle => Message::Toggle,
        Action::Confirm => Message::Confirm,
        Action::Back => Message::Back,
        Action::Quit => Message::Quit,
        Action::Yes => Message::Yes,
        Action::No => Message::No,
        Action::Help => Message::Help,
        Action::ToggleLanguage => Message::ToggleLanguage,
        Action::OpenSettings => Message::OpenSettings,
        Action::StartQuiz => Message::StartQuiz,
        Action::Review => Message::Review,
        Action::Retry => Message::Retry,
        Action::Input => Message::Input(value.unwrap_or(' ')),
        Action::Backspace => Message::Backspace,
    }
}

/// A key as the learner reads it.
pub fn key_name(key: Key, lang: Lang) -> String {
    match key {
        Plain(K::Char(' ')) => lang.pick("Mellemrum", "Space").to_owned(),
        Plain(K::Char(c)) => c.to_string(),
        Plain(K::Enter) => "Enter".to_owned(),
        Plain(K::Esc) => "Esc".to_owned(),
        Plain(K::Up) => "↑".to_owned(),
        Plain(K::Down) => "↓".to_owned(),
        Plain(K::Left) => "←".to_owned(),
        Plain(K::Right) => "→".to_owned(),
        Plain(K::PageUp) => "PgUp".to_owned(),
        Plain(K::PageDown) => "PgDn".to_owned(),
        Plain(K::Home) => "Home".to_owned(),
        Plain(K::End) => "End".to_owned(),
        Plain(K::Backspace) => "Backspace".to_owned(),
        Plain(K::F(n)) => format!("F{n}"),
        Plain(other) => format!("{other}"),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Digits => "1–9".to_owned(),
        Printable => lang.pick("tegn", "characters").to_owned(),
    }
}

/// A binding's keys joined for display: "↑/k".
pub fn keys_text(binding: &Binding, lang: Lang) -> String {
    binding
        .keys
        .iter()
        .map(|k| key_name(*k, lang))
        .collect::<Vec<_>>()
        .join("/")
}

/// The footer hints of a context, (key, what it does), most important first: only a row's
/// first key, up and down merged into one "↑↓ move", and the help key left out (the footer
/// shows it apart, see [`help_hint`]).
pub fn hints(ctx: Context, lang: Lang) -> Vec<(String, &'static str)> {
    let rows: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.footer && applies(b, ctx) && b.action != Action::Help)
        .collect();
    let has = |a: Action| rows.iter().any(|b| b.action == a);
    let merge = has(Action::Up) && has(Action::Down);
    let mut out = Vec::new();
    for b in rows {
        match b.action {
            Action::Up if merge => out.push(("↑↓".to_owned(), lang.pick("flyt", "move"))),
            Action::Down if merge => {}
            _ => out.push((
                b.keys
                    .first()
                    .map(|k| key_name(*k, lang))
                    .unwrap_or_default(),
                lang.pick(b.label.0, b.label.1),
            )),
        }
    }
    out
}

/// The key that opens the help in `ctx` and its label, if it has one.
pub fn help_hint(ctx: Context, lang: Lang) -> Option<(String, &'static str)> {
    BINDINGS
        .iter()
        .find(|b| b.footer && b.action == Action::Help && applies(b, ctx))
        .map(|b| (keys_text(b, lang), lang.pick(b.label.0, b.label.1)))
}

/// Every binding of a context, for the help: (keys, what they do).
pub fn help(ctx: Context, lang: Lang) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| applies(b, ctx))
        .map(|b| (keys_text(b, lang), lang.pick(b.label.0, b.label.1)))
        .collect()
}

/// The first key that does `action` in `ctx`, for texts such as "press Enter to …".
pub fn key_for(ctx: Context, action: Action, lang: Lang) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.action == action && applies(b, ctx))
        .and_then(|b| b.keys.first())
        .map(|k| key_name(*k, lang))
}

#[cfg(test)]
mod tests;
