//! The one table of typed words ([`ROWS`]): which words mean what in which input mode.
//! The parser reads it, and the help is generated from it, so the two cannot drift apart.
//! Rows without words document input the parser reads apart from the table (numbers, text).

use crate::app::{Message, Mode};

/// What a row of the table does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show the help.
    Help,
    /// Show the screen again.
    Repeat,
    /// Send one message.
    Send(Message),
    /// Quiz: to the next question, leaving this one as it is.
    Skip,
    /// Quiz: to the previous question.
    Previous,
    /// Quiz: to the last question and hand in.
    Submit,
    /// Nothing by itself: the row documents input read apart from the table (numbers, text).
    Described,
}

/// One row of the table.
#[derive(Debug)]
pub struct Row {
    /// The input modes it applies in.
    pub modes: &'static [Mode],
    /// The words (lower case; "" is an empty line, i.e. Enter).
    pub words: &'static [&'static str],
    /// What they do.
    pub action: Action,
    /// How the help names the input (Danish, English).
    pub shown: (&'static str, &'static str),
    /// What it does (Danish, English).
    pub what: (&'static str, &'static str),
    /// Whether it works on every screen (the help lists those apart).
    pub general: bool,
}

use Mode as K;

const NOT_TEXT: &[Mode] = &[
    K::List,
    K::Summary,
    K::Home,
    K::Lesson,
    K::Quiz,
    K::HandIn,
    K::Confirm,
    K::Source,
    K::Result,
    K::ResultUnsaved,
    K::Review,
    K::Settings,
    K::MyResults,
];
const ALL: &[Mode] = &[
    K::Text,
    K::List,
    K::Summary,
    K::Home,
    K::Lesson,
    K::Quiz,
    K::HandIn,
    K::Confirm,
    K::Source,
    K::Result,
    K::ResultUnsaved,
    K::Review,
    K::Settings,
    K::MyResults,
];
const BROWSING: &[Mode] = &[
    K::Home,
    K::Lesson,
    K::Quiz,
    K::HandIn,
    K::Result,
    K::ResultUnsaved,
    K::Review,
    K::Settings,
    K::MyResults,
];

const fn row(
    modes: &'static [Mode],
    words: &'static [&'static str],
    action: Action,
    shown: (&'static str, &'static str),
    what: (&'static str, &'static str),
) -> Row {
    Row {
        modes,
        words,
        action,
        shown,
        what,
        general: false,
    }
}

/// A row that works on every screen it names (help, repeat, quit, language); the help lists
/// these apart.
const fn general(
    modes: &'static [Mode],
    words: &'static [&'static str],
    action: Action,
    shown: (&'static str, &'static str),
    what: (&'static str, &'static str),
) -> Row {
    let mut r = row(modes, words, action, shown, what);
    r.general = true;
    r
}

/// The words of every screen. The first row that matches wins.
#[rustfmt::skip] // one row per line reads as the table it is
pub static ROWS: &[Row] = &[
    row(&[K::Confirm], &["j", "ja", "y", "yes"], Action::Send(Message::Yes), ("j, ja", "y, yes"), ("ja", "yes")),
    row(&[K::Confirm], &["n", "nej", "no"], Action::Send(Message::No), ("n, nej", "n, no"), ("nej", "no")),
    row(&[K::Summary], &["", "j", "ja", "y", "yes", "gem", "save"], Action::Send(Message::Confirm), ("Enter, j", "Enter, y"), ("gem svarene", "save the answers")),
    row(&[K::Summary], &["n", "nej", "no", "ret", "change", "tilbage", "back"], Action::Send(Message::Back), ("n, tilbage", "n, back"), ("gå tilbage og ret svarene", "go back and change the answers")),
    row(&[K::Text], &[], Action::Described, ("tekst", "text"), ("dit svar", "your answer")),
    row(&[K::List], &[], Action::Described, ("1, 2, …", "1, 2, …"), ("vælg det nummer (eller skriv begyndelsen af navnet)", "choose that number (or type the start of the name)")),
    row(&[K::Text, K::List], &[""], Action::Send(Message::Confirm), ("Enter", "Enter"), ("behold det svar, der står nu", "keep the answer as it is")),
    row(&[K::Text, K::List], &["tilbage", "back"], Action::Send(Message::Back), ("tilbage", "back"), ("gå et skridt tilbage", "go a step back")),
    row(&[K::Home], &[""], Action::Send(Message::Confirm), ("Enter", "Enter"), ("åbn det næste modul", "open the next module")),
    row(&[K::Home], &[], Action::Described, ("1, 2, …", "1, 2, …"), ("åbn modulet med det nummer: først siderne, så quizzen", "open the module with that number: its pages, then its quiz")),
    row(&[K::Home], &["t", "quiz"], Action::Send(Message::StartQuiz), ("t, t 2", "t, t 2"), ("tag quizzen i det næste modul (eller i modul 2) uden at læse siderne", "take the quiz of the next module (or of module 2) without reading its pages")),
    row(&[K::Home], &["s", "indstillinger", "settings"], Action::Send(Message::OpenSettings), ("s, indstillinger", "s, settings"), ("ret dine oplysninger", "change your details")),
    row(&[K::Home], &["r", "resultater", "results", "mine resultater", "my results"], Action::Send(Message::OpenMyResults), ("r, resultater", "r, results"), ("se dine resultater med kvitteringer, og hvor længe dine moduler gælder", "see your results with their receipts, and how long your modules are valid")),
    row(&[K::MyResults], &["", "tilbage", "back", "oversigt", "home"], Action::Send(Message::Back), ("Enter, tilbage", "Enter, back"), ("til oversigten", "to the overview")),
    row(&[K::Lesson], &[""], Action::Send(Message::Confirm), ("Enter", "Enter"), ("næste side; efter den sidste: quizzen", "next page; after the last: the quiz")),
    row(&[K::Lesson], &["næste", "next"], Action::Send(Message::Next), ("næste", "next"), ("næste side", "next page")),
    row(&[K::Lesson], &["forrige", "previous", "prev"], Action::Send(Message::Prev), ("forrige", "previous"), ("forrige side", "previous page")),
    row(&[K::Lesson], &["t", "quiz"], Action::Send(Message::StartQuiz), ("t, quiz", "t, quiz"), ("direkte til quizzen", "straight to the quiz")),
    row(&[K::Lesson, K::Review], &["kilde", "source", "afsnit", "section"], Action::Send(Message::ShowSource), ("kilde", "source"), ("læs det afsnit af håndbogen, som siden bygger på, med dens egne ord", "read the handbook section the page rests on, in its own words")),
    row(&[K::Source], &["", "tilbage", "back"], Action::Send(Message::Back), ("Enter, tilbage", "Enter, back"), ("tilbage til siden", "back to the page")),
    row(&[K::Lesson], &["tilbage", "back", "oversigt", "home"], Action::Send(Message::Back), ("tilbage", "back"), ("til oversigten", "to the overview")),
    row(&[K::Quiz], &[], Action::Described, ("1, 1,3", "1, 1,3"), ("dit svar; flere tal adskilt af komma, når du skal vælge alle, der passer", "your answer; several numbers separated by commas when you choose all that apply")),
    row(&[K::Quiz], &[], Action::Described, ("s, f", "t, f"), ("sandt eller falsk, når spørgsmålet er sandt/falsk", "true or false, when the question is true or false")),
    row(&[K::Quiz], &["næste", "next", "spring over", "skip"], Action::Skip, ("næste", "next"), ("spring spørgsmålet over; du kan vende tilbage til det", "skip the question; you can come back to it")),
    row(&[K::Quiz], &["forrige", "previous", "prev"], Action::Previous, ("forrige", "previous"), ("forrige spørgsmål", "previous question")),
    row(&[K::Quiz], &["aflever", "submit", "hand in"], Action::Submit, ("aflever", "submit"), ("til afleveringen: se, hvilke spørgsmål du har besvaret, og aflever", "to handing in: see which questions you have answered, and hand in")),
    row(&[K::HandIn], &[], Action::Described, ("1, 2, …", "1, 2, …"), ("gå tilbage til spørgsmålet med det nummer", "go back to the question with that number")),
    row(&[K::HandIn], &["aflever", "submit", "hand in"], Action::Send(Message::HandIn), ("aflever", "submit"), ("aflever quizzen; du bliver spurgt først", "hand in the quiz; you are asked first")),
    row(&[K::HandIn], &["tilbage", "back"], Action::Send(Message::Back), ("tilbage", "back"), ("tilbage til spørgsmålet, du kom fra", "back to the question you came from")),
    row(&[K::Quiz], &["tilbage", "back", "afbryd", "stop"], Action::Send(Message::Back), ("afbryd", "stop"), ("afbryd quizzen; du bliver spurgt først, og intet bliver registreret", "stop the quiz; you are asked first, and nothing is recorded")),
    row(&[K::Result], &["", "gennemgang", "review", "r"], Action::Send(Message::Confirm), ("Enter, gennemgang", "Enter, review"), ("gennemgang af spørgsmålene", "the review of the questions")),
    row(&[K::ResultUnsaved], &["", "gem", "save"], Action::Send(Message::Confirm), ("Enter, gem", "Enter, save"), ("gem resultatet igen", "save the result again")),
    row(&[K::Review], &["", "næste", "next"], Action::Send(Message::Confirm), ("Enter, næste", "Enter, next"), ("næste spørgsmål; efter det sidste: resultatet", "next question; after the last: the result")),
    row(&[K::Review], &["forrige", "previous", "prev"], Action::Send(Message::Prev), ("forrige", "previous"), ("forrige spørgsmål", "previous question")),
    row(&[K::Review], &["tilbage", "back", "resultat", "result"], Action::Send(Message::Back), ("tilbage", "back"), ("til resultatet", "to the result")),
    row(&[K::Result, K::ResultUnsaved, K::Review], &["t", "igen", "retry"], Action::Send(Message::Retry), ("t, igen", "t, retry"), ("tag quizzen igen", "take the quiz again")),
    row(&[K::Result, K::ResultUnsaved], &["tilbage", "back", "oversigt", "home"], Action::Send(Message::Back), ("tilbage", "back"), ("til oversigten", "to the overview")),
    row(&[K::Settings], &[], Action::Described, ("1, 2, …", "1, 2, …"), ("ret linjen med det nummer (sproget skifter med det samme)", "change the line with that number (the language switches at once)")),
    row(&[K::Settings], &["tilbage", "back", "oversigt", "home"], Action::Send(Message::Back), ("tilbage", "back"), ("til oversigten", "to the overview")),
    general(BROWSING, &["l", "sprog", "language"], Action::Send(Message::ToggleLanguage), ("l, sprog", "l, language"), ("skift til engelsk (English)", "switch to Danish (dansk)")),
    general(ALL, &["?", "hjælp", "help"], Action::Help, ("?, hjælp", "?, help"), ("denne hjælp", "this help")),
    general(ALL, &["gentag", "repeat"], Action::Repeat, ("gentag", "repeat"), ("vis skærmen igen, fx spørgsmålet", "show the screen again, e.g. the question")),
    general(NOT_TEXT, &["q", "afslut", "quit", "exit"], Action::Send(Message::Quit), ("q, afslut", "q, quit"), ("afslut bevidst", "quit bevidst")),
    general(&[K::Text], &["afslut", "quit", "exit"], Action::Send(Message::Quit), ("afslut", "quit"), ("afslut bevidst", "quit bevidst")),
];

/// The rows of the table that apply in `mode`.
pub fn rows(mode: Mode) -> impl Iterator<Item = &'static Row> {
    ROWS.iter().filter(move |r| r.modes.contains(&mode))
}
