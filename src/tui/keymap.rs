//! The learner's key table: which keys send which message in each input mode
//! ([`crate::app::Mode`], decided by the model). The footer's key hints, the `?` help and any
//! "press X to …" text are generated from this same table (through [`super::keys`]), so they
//! cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::{self, Binding, Key, TableMessage, digits, row, typing};
use crate::app::form::Edit;
use crate::app::{Message, Mode};
use crate::lang::Lang;

impl TableMessage for Message {
    const HELP: Message = Message::Help;
    const UP: Message = Message::Up;
    const DOWN: Message = Message::Down;
}

use Key::{Ctrl, Plain};
use KeyCode as K;
use Mode as C;

const NOT_TYPING: &[Mode] = &[
    C::List,
    C::Summary,
    C::Home,
    C::Lesson,
    C::Quiz,
    C::HandIn,
    C::Result,
    C::ResultUnsaved,
    C::Review,
    C::Settings,
    C::MyResults,
];
const NOT_TYPING_OR_QUIZ: &[Mode] = &[
    C::List,
    C::Summary,
    C::Home,
    C::Lesson,
    C::HandIn,
    C::Result,
    C::ResultUnsaved,
    C::Review,
    C::Settings,
    C::MyResults,
];

/// The key map. The first row that matches a key in the current mode wins.
#[rustfmt::skip] // one row per line reads as the table it is
pub static BINDINGS: &[Binding<Mode, Message>] = &[
    // Dialogs and help first, so their keys win.
    row(&[C::Confirm], &[Plain(K::Char('j')), Plain(K::Char('y'))], Message::Yes, ("ja", "yes"), true),
    row(&[C::Confirm], &[Plain(K::Char('n')), Plain(K::Esc)], Message::No, ("nej", "no"), true),
    row(&[C::Help], &[Plain(K::Esc), Plain(K::Enter), Plain(K::Char('?')), Plain(K::Char('q'))], Message::Back, ("luk", "close"), true),
    row(&[C::Help], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("rul op", "scroll up"), true),
    row(&[C::Help], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("rul ned", "scroll down"), true),
    row(&[C::Help], &[Plain(K::PageUp)], Message::PageUp, ("en skærm op", "a screen up"), false),
    row(&[C::Help], &[Plain(K::PageDown), Plain(K::Char(' '))], Message::PageDown, ("en skærm ned", "a screen down"), false),
    // The cited handbook section, over a lesson page or a review.
    row(&[C::Source], &[Plain(K::Enter), Plain(K::Char(' '))], Message::Confirm, ("videre", "go on"), true),
    row(&[C::Source], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("rul op", "scroll up"), true),
    row(&[C::Source], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("rul ned", "scroll down"), true),
    row(&[C::Source], &[Plain(K::PageUp)], Message::PageUp, ("en skærm op", "a screen up"), false),
    row(&[C::Source], &[Plain(K::PageDown)], Message::PageDown, ("en skærm ned", "a screen down"), false),
    row(&[C::Source], &[Plain(K::Esc), Plain(K::Char('p'))], Message::Back, ("tilbage", "back"), true),
    row(&[C::Source], &[Plain(K::Char('q'))], Message::Quit, ("afslut", "quit"), true),
    row(&[C::Source], &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    // Too small: nothing but quit and help.
    row(&[C::TooSmall], &[Plain(K::Char('q'))], Message::Quit, ("afslut", "quit"), true),
    row(&[C::TooSmall], &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    // Forms.
    row(&[C::Summary], &[Plain(K::Enter)], Message::Confirm, ("gem", "save"), true),
    row(&[C::Summary], &[Plain(K::Esc)], Message::Back, ("ret", "change"), true),
    row(&[C::Text, C::List], &[Plain(K::Enter)], Message::Confirm, ("bekræft", "confirm"), true),
    row(&[C::Text, C::List], &[Plain(K::Esc)], Message::Back, ("tilbage", "back"), true),
    row(&[C::List], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::List], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    digits(&[C::List], '9', Message::Pick, ("vælg nummer", "choose by number"), false),
    row(&[C::Text], &[Plain(K::Backspace)], Message::Backspace, ("slet", "delete"), true),
    row(&[C::Text], &[Plain(K::Left)], Message::Edit(Edit::Left), ("et tegn til venstre", "one character left"), false),
    row(&[C::Text], &[Plain(K::Right)], Message::Edit(Edit::Right), ("et tegn til højre", "one character right"), false),
    row(&[C::Text], &[Plain(K::Home), Ctrl('a')], Message::Edit(Edit::Start), ("til starten", "to the start"), false),
    row(&[C::Text], &[Plain(K::End), Ctrl('e')], Message::Edit(Edit::End), ("til slutningen", "to the end"), false),
    row(&[C::Text], &[Plain(K::Delete)], Message::Edit(Edit::Delete), ("slet tegnet under markøren", "delete the character under the cursor"), false),
    row(&[C::Text], &[Ctrl('u')], Message::Edit(Edit::DeleteToStart), ("slet alt før markøren", "delete everything before the cursor"), false),
    row(&[C::Text], &[Ctrl('w')], Message::Edit(Edit::DeleteWord), ("slet ordet før markøren", "delete the word before the cursor"), false),
    // Home.
    row(&[C::Home], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::Home], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    row(&[C::Home], &[Plain(K::Enter)], Message::Confirm, ("åbn", "open"), true),
    row(&[C::Home], &[Plain(K::Char('t'))], Message::StartQuiz, ("quiz", "take the quiz"), true),
    row(&[C::Home], &[Plain(K::Char('r'))], Message::OpenMyResults, ("resultater", "results"), true),
    digits(&[C::Home], '9', Message::Pick, ("vælg modul nummer", "choose module by number"), false),
    row(&[C::Home, C::Settings], &[Plain(K::Home), Plain(K::Char('g'))], Message::First, ("til toppen", "to the top"), false),
    row(&[C::Home, C::Settings], &[Plain(K::End), Plain(K::Char('G'))], Message::Last, ("til bunden", "to the bottom"), false),
    row(&[C::Home], &[Plain(K::Char('s'))], Message::OpenSettings, ("indstillinger", "settings"), true),
    // Lesson (and the pages that read like it: the review, »Mine resultater«).
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::Enter), Plain(K::Char(' '))], Message::Confirm, ("videre", "go on"), true),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("rul op", "scroll up"), true),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("rul ned", "scroll down"), true),
    row(&[C::Lesson], &[Plain(K::Right), Plain(K::Char('l'))], Message::Next, ("næste side", "next page"), false),
    row(&[C::Lesson], &[Plain(K::Left), Plain(K::Char('h'))], Message::Prev, ("forrige side", "previous page"), false),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::PageUp)], Message::PageUp, ("en skærm op", "a screen up"), false),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::PageDown)], Message::PageDown, ("en skærm ned", "a screen down"), false),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::Home), Plain(K::Char('g'))], Message::First, ("til toppen", "to the top"), false),
    row(&[C::Lesson, C::Review, C::MyResults], &[Plain(K::End), Plain(K::Char('G'))], Message::Last, ("til bunden", "to the bottom"), false),
    row(&[C::Lesson], &[Plain(K::Char('t'))], Message::StartQuiz, ("direkte til quizzen", "straight to the quiz"), false),
    row(&[C::Lesson, C::MyResults], &[Plain(K::Esc)], Message::Back, ("oversigt", "overview"), true),
    // Quiz.
    row(&[C::Quiz], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::Quiz], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    digits(&[C::Quiz], '9', Message::Pick, ("vælg", "choose"), true),
    row(&[C::Quiz], &[Plain(K::Char(' '))], Message::Toggle, ("vælg det markerede svar (eller fravælg det, når du skal vælge alle, der passer)", "choose the highlighted answer (or unchoose it, when you choose all that apply)"), false),
    row(&[C::Quiz], &[Plain(K::Enter)], Message::Confirm, ("videre", "go on"), true),
    row(&[C::Quiz], &[Plain(K::Right), Plain(K::Char('l'))], Message::Next, ("spring over", "skip"), true),
    row(&[C::Quiz], &[Plain(K::Left), Plain(K::Char('h'))], Message::Prev, ("forrige spørgsmål", "previous question"), false),
    row(&[C::Quiz], &[Plain(K::Char('a'))], Message::HandIn, ("til afleveringen", "to handing in"), false),
    row(&[C::Quiz], &[Plain(K::Esc)], Message::Back, ("afbryd", "stop"), true),
    // Hand-in page.
    row(&[C::HandIn], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::HandIn], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    row(&[C::HandIn], &[Plain(K::Char('a'))], Message::HandIn, ("aflever", "hand in"), true),
    row(&[C::HandIn], &[Plain(K::Enter)], Message::Confirm, ("gå til spørgsmålet", "go to the question"), true),
    digits(&[C::HandIn], '9', Message::Pick, ("vælg spørgsmål nummer", "choose question by number"), false),
    row(&[C::HandIn], &[Plain(K::Home), Plain(K::Char('g'))], Message::First, ("til toppen", "to the top"), false),
    row(&[C::HandIn], &[Plain(K::End), Plain(K::Char('G'))], Message::Last, ("til bunden", "to the bottom"), false),
    row(&[C::HandIn], &[Plain(K::Esc)], Message::Back, ("tilbage", "back"), true),
    // Result and review.
    row(&[C::Result], &[Plain(K::Enter), Plain(K::Char('r'))], Message::Confirm, ("gennemgang", "review"), true),
    row(&[C::ResultUnsaved], &[Plain(K::Enter)], Message::Confirm, ("gem igen", "save again"), true),
    row(&[C::Result, C::ResultUnsaved, C::Review], &[Plain(K::Char('t'))], Message::Retry, ("prøv igen", "try again"), true),
    row(&[C::Result, C::ResultUnsaved], &[Plain(K::Esc)], Message::Back, ("oversigt", "overview"), true),
    row(&[C::Review], &[Plain(K::Right), Plain(K::Char('l'))], Message::Next, ("næste spørgsmål", "next question"), false),
    row(&[C::Review], &[Plain(K::Left), Plain(K::Char('h'))], Message::Prev, ("forrige spørgsmål", "previous question"), false),
    row(&[C::Review], &[Plain(K::Esc)], Message::Back, ("resultat", "result"), true),
    row(&[C::Lesson, C::Review], &[Plain(K::Char('p'))], Message::ShowSource, ("kilde", "source"), true),
    // Settings.
    row(&[C::Settings], &[Plain(K::Up), Plain(K::Char('k'))], Message::Up, ("op", "up"), true),
    row(&[C::Settings], &[Plain(K::Down), Plain(K::Char('j'))], Message::Down, ("ned", "down"), true),
    row(&[C::Settings], &[Plain(K::Enter)], Message::Confirm, ("ret", "change"), true),
    digits(&[C::Settings], '9', Message::Pick, ("vælg linje nummer", "choose line by number"), false),
    row(&[C::Settings], &[Plain(K::Esc)], Message::Back, ("oversigt", "overview"), true),
    // Everywhere (the labels of the language key name the language it switches to).
    row(&[C::Home, C::Settings, C::Result, C::ResultUnsaved, C::Review, C::MyResults], &[Plain(K::Char('L'))], Message::ToggleLanguage, ("English", "dansk"), true),
    // In a lesson and a quiz the language key is in the help, not the footer, which has no room.
    row(&[C::Lesson, C::Quiz, C::HandIn], &[Plain(K::Char('L'))], Message::ToggleLanguage, ("English", "dansk"), false),
    row(NOT_TYPING, &[Plain(K::Char('?'))], Message::Help, ("hjælp", "help"), true),
    row(&[C::Text], &[Plain(K::F(1))], Message::Help, ("hjælp", "help"), true),
    row(&[C::Quiz], &[Plain(K::Char('q'))], Message::Quit, ("afslut", "quit"), false),
    row(NOT_TYPING_OR_QUIZ, &[Plain(K::Char('q'))], Message::Quit, ("afslut", "quit"), true),
    row(&Mode::ALL, &[Ctrl('c')], Message::Quit, ("afslut", "quit"), false),
    typing(&[C::Text], Message::Input, ("skriv", "type")),
];

/// The message a key press means in `mode`, if any.
pub fn to_message(mode: Mode, event: KeyEvent) -> Option<Message> {
    keys::to_message(BINDINGS, &mode, event)
}

/// The footer hints of a mode, (key, what it does), most important first; quitting is left
/// out, since the footer always shows it beside the help ([`quit_hint`]).
pub fn hints(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    hints_except(mode, lang, |_| false)
}

/// [`hints`] without the rows whose message does nothing on the screen (`inert`, which is
/// [`crate::app::Model::inert`]): a key the footer names must act.
pub fn hints_except(
    mode: Mode,
    lang: Lang,
    inert: impl Fn(&Message) -> bool,
) -> Vec<(String, &'static str)> {
    let rows: Vec<Binding<Mode, Message>> = acting(inert)
        .filter(|b| !b.sends(&Message::Quit))
        .cloned()
        .collect();
    keys::hints(&rows, &mode, lang)
}

/// The rows of the table, without those whose message does nothing on the screen (`inert`).
fn acting(
    inert: impl Fn(&Message) -> bool,
) -> impl Iterator<Item = &'static Binding<Mode, Message>> {
    BINDINGS.iter().filter(move |b| !b.sends_one_where(&inert))
}

/// The key that quits in `mode` and its label, for the footer, which always shows it: `q`
/// where it quits, else Ctrl-C (while typing).
pub fn quit_hint(mode: Mode, lang: Lang) -> Option<(String, &'static str)> {
    let label = lang.pick("afslut", "quit");
    key_for(mode, &Message::Quit, lang).map(|key| (key, label))
}

/// The key that opens the help in `mode` and its label, if it has one.
pub fn help_hint(mode: Mode, lang: Lang) -> Option<(String, &'static str)> {
    keys::help_hint(BINDINGS, &mode, lang)
}

/// Every binding of a mode, for the help: (keys, what they do), without the rows whose
/// message does nothing on the screen (`inert`, as for [`hints_except`]).
pub fn help(
    mode: Mode,
    lang: Lang,
    inert: impl Fn(&Message) -> bool,
) -> Vec<(String, &'static str)> {
    let rows: Vec<Binding<Mode, Message>> = acting(inert).cloned().collect();
    keys::help(&rows, &mode, lang)
}

/// The first key that sends `message` in `mode`, for texts such as "press Enter to …".
pub fn key_for(mode: Mode, message: &Message, lang: Lang) -> Option<String> {
    keys::key_for(BINDINGS, &mode, message, lang)
}

#[cfg(test)]
mod tests;
