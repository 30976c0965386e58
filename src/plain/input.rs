//! Typed lines to messages. Words come from the table in [`super::commands`]; numbers, a
//! text field's answer and the names of list items or true/false choices are read here,
//! against the screen's [`Context`]. Words of both languages are accepted whatever the
//! interface language, so a script works in either.

use std::fmt;

use super::commands::{Action, rows};
use super::context::Context;
use super::texts::{self, texts};
use crate::app::Message;
use crate::course::{QuestionKind, Selection};
use crate::lang::Lang;
use crate::message::Bilingual;
use crate::safe_text::sanitize;

/// What a typed line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Show the commands of this screen.
    Help,
    /// Show the screen again.
    Repeat,
    /// Apply these messages, in order.
    Send(Vec<Message>),
    /// The line cannot be used here, for this reason.
    Refuse(Refusal),
}

/// Why a line was not used; each says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The line means nothing here.
    NotUnderstood(String),
    /// A number outside 1..=max.
    Range(usize),
    /// Several numbers for a one-answer question with this many choices.
    OnlyOne(usize),
    /// An empty answer to a quiz question.
    EmptyAnswer,
    /// "Skip" on the last question.
    LastQuestion,
    /// "Previous" on the first question.
    FirstQuestion,
    /// Neither a question's number nor handing in, on the hand-in page.
    HandIn(usize),
    /// Neither yes nor no.
    YesOrNo,
}

impl Bilingual for Refusal {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotUnderstood(line) => {
                let line = sanitize(line, true);
                lang.write(
                    out,
                    format_args!(
                        "»{line}« forstod jeg ikke her. Skriv ? for at se, hvad du kan skrive."
                    ),
                    format_args!(
                        "“{line}” does not mean anything here. Type ? to see what you can type."
                    ),
                )
            }
            Refusal::Range(max) => lang.write(
                out,
                format_args!("Skriv et tal fra 1 til {max}."),
                format_args!("Type a number from 1 to {max}."),
            ),
            Refusal::OnlyOne(max) => lang.write(
                out,
                format_args!("Vælg kun ét svar: skriv ét tal fra 1 til {max}."),
                format_args!("Choose only one answer: type one number from 1 to {max}."),
            ),
            Refusal::EmptyAnswer => lang.write(
                out,
                format_args!(
                    "Skriv dit svar som tal, fx 2. Skriv næste for at springe spørgsmålet over."
                ),
                format_args!(
                    "Type your answer as a number, e.g. 2. Type next to skip the question."
                ),
            ),
            Refusal::LastQuestion => lang.write(
                out,
                format_args!("Det er det sidste spørgsmål. Svar på det for at aflevere."),
                format_args!("This is the last question. Answer it to hand in."),
            ),
            Refusal::FirstQuestion => lang.write(
                out,
                format_args!("Det er det første spørgsmål."),
                format_args!("This is the first question."),
            ),
            // What to type on the hand-in page, and on a yes-or-no question, is the prompt's
            // own text, said again.
            Refusal::HandIn(count) => write!(out, "{}.", texts::hand_in(lang, *count)),
            Refusal::YesOrNo => write!(out, "{}.", texts(lang).yes_no),
        }
    }
}

crate::danish_display!(Refusal);

/// What `line` means in `ctx`.
pub fn parse(line: &str, ctx: &Context) -> Parsed {
    let trimmed = line.trim();
    let word = trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mode = ctx.mode();
    // A text field takes any line as its answer except a command word; `=` makes a command
    // word an answer.
    if let Context::Text { .. } = ctx
        && let Some(literal) = trimmed.strip_prefix('=')
    {
        return Parsed::Send(set_text(literal.trim()));
    }
    if let Some(row) = rows(mode).find(|r| r.words.contains(&word.as_str())) {
        return act(&row.action, ctx);
    }
    match ctx {
        Context::Text { .. } => Parsed::Send(set_text(trimmed)),
        Context::List { names, .. } => match pick(&word, names.len(), names) {
            Ok(i) => Parsed::Send(vec![Message::Pick(i), Message::Confirm]),
            Err(r) => Parsed::Refuse(r),
        },
        Context::Home { modules, .. } => home(&word, *modules),
        Context::Quiz { kind, choices, .. } => answer(&word, *kind, choices),
        // A question's number goes back to it.
        Context::HandIn { count } => match number(&word, *count) {
            Some(Ok(i)) => Parsed::Send(vec![Message::Pick(i), Message::Confirm]),
            Some(Err(r)) => Parsed::Refuse(r),
            None => Parsed::Refuse(Refusal::HandIn(*count)),
        },
        Context::Settings { fields } => match number(&word, *fields) {
            Some(Ok(i)) => Parsed::Send(vec![Message::Pick(i), Message::Confirm]),
            Some(Err(r)) => Parsed::Refuse(r),
            None if word.is_empty() => Parsed::Refuse(Refusal::Range(*fields)),
            None => Parsed::Refuse(Refusal::NotUnderstood(trimmed.to_owned())),
        },
        Context::Confirm => Parsed::Refuse(Refusal::YesOrNo),
        _ => Parsed::Refuse(Refusal::NotUnderstood(trimmed.to_owned())),
    }
}

fn act(action: &Action, ctx: &Context) -> Parsed {
    let Context::Quiz { index, count, .. } = ctx else {
        return match action {
            Action::Help => Parsed::Help,
            Action::Repeat => Parsed::Repeat,
            Action::Send(m) => Parsed::Send(vec![m.clone()]),
            _ => Parsed::Refuse(Refusal::NotUnderstood(String::new())),
        };
    };
    let last = count.saturating_sub(1);
    match action {
        Action::Skip if *index >= last => Parsed::Refuse(Refusal::LastQuestion),
        Action::Skip => Parsed::Send(vec![Message::Next]),
        Action::Previous if *index == 0 => Parsed::Refuse(Refusal::FirstQuestion),
        Action::Previous => Parsed::Send(vec![Message::Prev]),
        // To the hand-in page, which lists what is answered; handing in is asked there.
        Action::Submit => Parsed::Send(vec![Message::HandIn]),
        Action::Help => Parsed::Help,
        Action::Repeat => Parsed::Repeat,
        Action::Send(m) => Parsed::Send(vec![m.clone()]),
        Action::Described => Parsed::Refuse(Refusal::EmptyAnswer),
    }
}

/// Replaces the text of a field with `text`, exactly as typed (the real value, never what is
/// shown of it), and confirms it; an empty line keeps it.
fn set_text(text: &str) -> Vec<Message> {
    if text.is_empty() {
        return vec![Message::Confirm];
    }
    vec![Message::SetText(text.to_owned()), Message::Confirm]
}

/// A number from 1 to `max` as a position (0-based); `None` when `word` is not a number.
fn number(word: &str, max: usize) -> Option<Result<usize, Refusal>> {
    let n: usize = word.parse().ok()?;
    Some(if (1..=max).contains(&n) {
        Ok(n - 1)
    } else {
        Err(Refusal::Range(max))
    })
}

/// A number, or a name: the item whose name is `word`, or the one item that starts with it.
fn pick(word: &str, max: usize, names: &[String]) -> Result<usize, Refusal> {
    if let Some(n) = number(word, max) {
        return n;
    }
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    if let Some(i) = lower.iter().position(|n| *n == word) {
        return Ok(i);
    }
    let mut starts = lower
        .iter()
        .enumerate()
        .filter(|(_, n)| !word.is_empty() && n.starts_with(word));
    match (starts.next(), starts.next()) {
        (Some((i, _)), None) => Ok(i),
        _ if word.is_empty() => Err(Refusal::Range(max)),
        _ => Err(Refusal::NotUnderstood(word.to_owned())),
    }
}

fn home(word: &str, modules: usize) -> Parsed {
    if let Some(n) = number(word, modules) {
        return match n {
            Ok(i) => Parsed::Send(vec![Message::Pick(i), Message::Confirm]),
            Err(r) => Parsed::Refuse(r),
        };
    }
    // "t 2" / "quiz 2": the quiz of module 2.
    let mut parts = word.split_whitespace();
    if let (Some("t" | "quiz"), Some(n), None) = (parts.next(), parts.next(), parts.next())
        && let Some(n) = number(n, modules)
    {
        return match n {
            Ok(i) => Parsed::Send(vec![Message::Pick(i), Message::StartQuiz]),
            Err(r) => Parsed::Refuse(r),
        };
    }
    Parsed::Refuse(Refusal::NotUnderstood(word.to_owned()))
}

/// An answer to a quiz question: numbers separated by commas or spaces, or for a true/false
/// question the (start of the) choice's word.
fn answer(word: &str, kind: QuestionKind, choices: &[String]) -> Parsed {
    let max = choices.len();
    if word.is_empty() {
        return Parsed::Refuse(Refusal::EmptyAnswer);
    }
    let tokens: Vec<&str> = word
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let numbers: Option<Vec<usize>> = tokens.iter().map(|t| t.parse().ok()).collect();
    let positions = match numbers {
        Some(numbers) => {
            if numbers.iter().any(|n| !(1..=max).contains(n)) {
                return Parsed::Refuse(Refusal::Range(max));
            }
            let mut positions: Vec<usize> = numbers.iter().map(|n| n - 1).collect();
            positions.sort_unstable();
            positions.dedup();
            positions
        }
        // A true/false question's choices are words the learner may type.
        None => match kind {
            QuestionKind::TrueFalse => match pick(word, max, choices) {
                Ok(i) => vec![i],
                Err(r) => return Parsed::Refuse(r),
            },
            QuestionKind::Single | QuestionKind::Multiple => {
                return Parsed::Refuse(Refusal::NotUnderstood(word.to_owned()));
            }
        },
    };
    match kind.selection() {
        Selection::One if positions.len() > 1 => return Parsed::Refuse(Refusal::OnlyOne(max)),
        Selection::One | Selection::Many => {}
    }
    Parsed::Send(vec![Message::Answer(positions), Message::Confirm])
}

#[cfg(test)]
mod tests;
