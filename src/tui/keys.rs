//! The key-table machinery of every full-screen program here (the learner's journey in
//! [`super::keymap`], the report dashboard in [`super::report`]). A table is a list of
//! [`Binding`] rows; each binds keys, in the contexts it names, to the message they send, and
//! says in both languages what they do. Keys are matched, the footer's hints and the `?` help
//! are written, all from the same rows, so what the screen says a key does is what it does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::lang::Lang;

/// A single key of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl or Alt (Shift allowed, so `G` and `?` work on any layout).
    Plain(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
}

impl Key {
    /// Whether `event` is this key.
    fn matches(self, event: KeyEvent) -> bool {
        match (self, event.code) {
            (Key::Plain(code), c) => plain(event) && code == c,
            (Key::Ctrl(want), KeyCode::Char(c)) => {
                event.modifiers.contains(KeyModifiers::CONTROL) && c.eq_ignore_ascii_case(&want)
            }
            (Key::Ctrl(_), _) => false,
        }
    }

    /// The key as the user reads it.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Key::Plain(KeyCode::Char(' ')) => lang.pick("Mellemrum", "Space").to_owned(),
            Key::Plain(KeyCode::Char(c)) => c.to_string(),
            Key::Plain(KeyCode::Enter) => "Enter".to_owned(),
            Key::Plain(KeyCode::Esc) => "Esc".to_owned(),
            Key::Plain(KeyCode::Tab) => "Tab".to_owned(),
            Key::Plain(KeyCode::BackTab) => "⇧Tab".to_owned(),
            Key::Plain(KeyCode::Up) => "↑".to_owned(),
            Key::Plain(KeyCode::Down) => "↓".to_owned(),
            Key::Plain(KeyCode::Left) => "←".to_owned(),
            Key::Plain(KeyCode::Right) => "→".to_owned(),
            Key::Plain(KeyCode::PageUp) => "PgUp".to_owned(),
            Key::Plain(KeyCode::PageDown) => "PgDn".to_owned(),
            Key::Plain(KeyCode::Home) => "Home".to_owned(),
            Key::Plain(KeyCode::End) => "End".to_owned(),
            Key::Plain(KeyCode::Backspace) => "Backspace".to_owned(),
            Key::Plain(KeyCode::Delete) => "Delete".to_owned(),
            Key::Plain(KeyCode::F(n)) => format!("F{n}"),
            Key::Plain(other) => format!("{other}"),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        }
    }
}

/// No Ctrl, Alt or Super held (Shift may be).
fn plain(event: KeyEvent) -> bool {
    !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
}

/// The keys of a row and what they send.
#[derive(Debug, Clone)]
pub enum Keys<M: 'static> {
    /// Each of these keys sends the message.
    Each(&'static [Key], M),
    /// The digits 1 to the given one, each sending the message for the position it names
    /// (0-based): the item at that place.
    Digits(char, fn(usize) -> M),
    /// Any printable character, sending the message for it: typing in a field.
    Printable(fn(char) -> M),
}

/// A program's messages as a key table sends them. The footer treats two kinds apart: the
/// help key is shown at the right, and up and down are shown as one "↑↓ move".
pub trait TableMessage: Clone + PartialEq + 'static {
    /// The message that opens the help.
    const HELP: Self;
    /// One up.
    const UP: Self;
    /// One down.
    const DOWN: Self;
}

/// One row of a table.
#[derive(Debug, Clone)]
pub struct Binding<C: 'static, M: 'static> {
    /// Where the row applies.
    pub contexts: &'static [C],
    /// The keys, in the order the hints show them, and what they send.
    pub keys: Keys<M>,
    /// What they do in words (Danish, English).
    pub label: (&'static str, &'static str),
    /// Whether the footer shows the row (the help shows every row).
    pub footer: bool,
}

/// A row of keys that each send `message`.
pub const fn row<C, M>(
    contexts: &'static [C],
    keys: &'static [Key],
    message: M,
    label: (&'static str, &'static str),
    footer: bool,
) -> Binding<C, M> {
    Binding {
        contexts,
        keys: Keys::Each(keys, message),
        label,
        footer,
    }
}

/// A row of the digits 1 to `last`, each sending `message` with the position it names.
pub const fn digits<C, M>(
    contexts: &'static [C],
    last: char,
    message: fn(usize) -> M,
    label: (&'static str, &'static str),
    footer: bool,
) -> Binding<C, M> {
    Binding {
        contexts,
        keys: Keys::Digits(last, message),
        label,
        footer,
    }
}

/// A row that types any printable character with `message`; never in the footer.
pub const fn typing<C, M>(
    contexts: &'static [C],
    message: fn(char) -> M,
    label: (&'static str, &'static str),
) -> Binding<C, M> {
    Binding {
        contexts,
        keys: Keys::Printable(message),
        label,
        footer: false,
    }
}

impl<C: PartialEq, M: TableMessage> Binding<C, M> {
    /// Whether the row applies in `ctx`.
    pub fn applies(&self, ctx: &C) -> bool {
        self.contexts.contains(ctx)
    }

    /// Whether the row's keys send exactly `message` (rows of digits or characters send one
    /// of many, so never).
    pub fn sends(&self, message: &M) -> bool {
        matches!(&self.keys, Keys::Each(_, m) if m == message)
    }

    /// Whether the row's keys send one message and `test` holds for it.
    pub fn sends_one_where(&self, test: impl Fn(&M) -> bool) -> bool {
        matches!(&self.keys, Keys::Each(_, m) if test(m))
    }

    /// The message `event` sends through this row, if it is one of its keys.
    fn message(&self, event: KeyEvent) -> Option<M> {
        match &self.keys {
            Keys::Each(keys, m) => keys.iter().any(|k| k.matches(event)).then(|| m.clone()),
            Keys::Digits(last, make) => match event.code {
                KeyCode::Char(c) if plain(event) && ('1'..=*last).contains(&c) => {
                    let position = c.to_digit(10).and_then(|d| usize::try_from(d).ok())?;
                    Some(make(position.saturating_sub(1)))
                }
                _ => None,
            },
            Keys::Printable(make) => match event.code {
                KeyCode::Char(c) if plain(event) && !c.is_control() => Some(make(c)),
                _ => None,
            },
        }
    }

    /// Every key of the row as the user reads it: "↑/k", "1–9".
    pub fn names(&self, lang: Lang) -> Vec<String> {
        match &self.keys {
            Keys::Each(keys, _) => keys.iter().map(|k| k.name(lang)).collect(),
            Keys::Digits(last, _) => vec![format!("1–{last}")],
            Keys::Printable(_) => vec![lang.pick("tegn", "characters").to_owned()],
        }
    }

    /// The row's keys joined for display: "↑/k".
    pub fn keys_text(&self, lang: Lang) -> String {
        self.names(lang).join("/")
    }

    /// The key the footer shows for the row: the one its label starts with in `lang`, if a
    /// letter key does (`j` for "ja", `y` for "yes"), else its first key.
    fn first_key(&self, lang: Lang) -> String {
        let label = self.label(lang);
        if let Keys::Each(keys, _) = &self.keys
            && let Some(key) = keys.iter().find(|k| {
                matches!(k, Key::Plain(KeyCode::Char(c)) if c.is_alphabetic() && label.starts_with(*c))
            })
        {
            return key.name(lang);
        }
        self.names(lang).into_iter().next().unwrap_or_default()
    }

    /// What the row does, in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label.0, self.label.1)
    }
}

/// The message a key press means in `ctx`, if any: the first row that matches wins.
pub fn to_message<C: PartialEq, M: TableMessage>(
    table: &[Binding<C, M>],
    ctx: &C,
    event: KeyEvent,
) -> Option<M> {
    table
        .iter()
        .filter(|b| b.applies(ctx))
        .find_map(|b| b.message(event))
}

/// The footer hints of a context, (key, what it does), most important first: only a row's
/// first key, up and down merged into one "↑↓ move", and the help key left out (the footer
/// shows it apart, see [`help_hint`]).
pub fn hints<C: PartialEq, M: TableMessage>(
    table: &[Binding<C, M>],
    ctx: &C,
    lang: Lang,
) -> Vec<(String, &'static str)> {
    let rows: Vec<&Binding<C, M>> = table
        .iter()
        .filter(|b| b.footer && b.applies(ctx) && !b.sends(&M::HELP))
        .collect();
    let merge = rows.iter().any(|b| b.sends(&M::UP)) && rows.iter().any(|b| b.sends(&M::DOWN));
    let mut out = Vec::new();
    for b in rows {
        if merge && b.sends(&M::UP) {
            // "rul op" and "rul ned" read as "↑↓ rul"; a plain "op"/"ned" as "↑↓ flyt".
            let label = b.label(lang);
            let merged = label
                .rsplit_once(' ')
                .map_or_else(|| lang.pick("flyt", "move"), |(verb, _)| verb);
            out.push(("↑↓".to_owned(), merged));
        } else if !(merge && b.sends(&M::DOWN)) {
            out.push((b.first_key(lang), b.label(lang)));
        }
    }
    out
}

/// The key that opens the help in `ctx` and its label, if it has one.
pub fn help_hint<C: PartialEq, M: TableMessage>(
    table: &[Binding<C, M>],
    ctx: &C,
    lang: Lang,
) -> Option<(String, &'static str)> {
    table
        .iter()
        .find(|b| b.footer && b.sends(&M::HELP) && b.applies(ctx))
        .map(|b| (b.keys_text(lang), b.label(lang)))
}

/// Every row of a context, for the help: (keys, what they do).
pub fn help<C: PartialEq, M: TableMessage>(
    table: &[Binding<C, M>],
    ctx: &C,
    lang: Lang,
) -> Vec<(String, &'static str)> {
    table
        .iter()
        .filter(|b| b.applies(ctx))
        .map(|b| (b.keys_text(lang), b.label(lang)))
        .collect()
}

/// The first key that sends `message` in `ctx`, for texts such as "press Enter to …".
pub fn key_for<C: PartialEq, M: TableMessage>(
    table: &[Binding<C, M>],
    ctx: &C,
    message: &M,
    lang: Lang,
) -> Option<String> {
    table
        .iter()
        .find(|b| b.sends(message) && b.applies(ctx))
        .map(|b| b.first_key(lang))
}

/// A key bound twice in one context (a digit row counts as its digits), if any: the table
/// tests of both programs assert there is none.
pub fn bound_twice<C: PartialEq + Copy, M: TableMessage>(
    table: &[Binding<C, M>],
    contexts: &[C],
) -> Option<(KeyCode, C)> {
    for ctx in contexts {
        let mut seen: Vec<(KeyCode, bool)> = Vec::new();
        let mut typing = false;
        for b in table.iter().filter(|b| b.applies(ctx)) {
            let codes: Vec<(KeyCode, bool)> = match &b.keys {
                Keys::Each(keys, _) => keys
                    .iter()
                    .map(|k| match *k {
                        Key::Plain(code) => (code, false),
                        Key::Ctrl(c) => (KeyCode::Char(c.to_ascii_lowercase()), true),
                    })
                    .collect(),
                Keys::Digits(last, _) => ('1'..=*last).map(|c| (KeyCode::Char(c), false)).collect(),
                Keys::Printable(_) if typing => return Some((KeyCode::Null, *ctx)),
                Keys::Printable(_) => {
                    typing = true;
                    Vec::new()
                }
            };
            for code in codes {
                if seen.contains(&code) {
                    return Some((code.0, *ctx));
                }
                seen.push(code);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    enum Msg {
        Help,
        Up,
        Down,
        Pick(usize),
    }

    impl TableMessage for Msg {
        const HELP: Msg = Msg::Help;
        const UP: Msg = Msg::Up;
        const DOWN: Msg = Msg::Down;
    }

    static CLASHING: &[Binding<u8, Msg>] = &[
        row(
            &[0, 1],
            &[Key::Plain(KeyCode::Char('2'))],
            Msg::Up,
            ("op", "up"),
            true,
        ),
        digits(&[1], '3', Msg::Pick, ("vælg", "choose"), true),
    ];

    #[test]
    fn a_key_bound_twice_is_found_and_digits_count_as_their_keys() {
        assert_eq!(bound_twice(&CLASHING[..1], &[0, 1]), None);
        assert_eq!(bound_twice(CLASHING, &[0]), None);
        assert_eq!(
            bound_twice(CLASHING, &[0, 1]),
            Some((KeyCode::Char('2'), 1))
        );
    }

    #[test]
    fn digits_send_their_position() {
        let three = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(to_message(CLASHING, &1, three), Some(Msg::Pick(2)));
        assert_eq!(to_message(CLASHING, &0, three), None);
        let help: Vec<String> = help(CLASHING, &1, Lang::En)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(help, ["2", "1–3"]);
    }
}
