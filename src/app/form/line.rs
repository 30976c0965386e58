//! A line of text edited at a cursor, as a text field of the form is: typing and the usual
//! line-editing keys (those of a shell's line editor), and replacing the whole line.

use crate::app::Message;

/// Moving the cursor of a text field, or deleting around it: the usual line-editing keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start.
    Start,
    /// To the end.
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete everything before the cursor.
    DeleteToStart,
    /// Delete the word before the cursor.
    DeleteWord,
}

/// Applies `msg` to the line `chars` with its cursor `at` (in characters, at most the
/// line's length); the line holds at most `max` characters. Returns the line and cursor after
/// it, or `None` when `msg` is no edit of a line.
pub(super) fn edit(
    mut chars: Vec<char>,
    mut at: usize,
    msg: &Message,
    max: usize,
) -> Option<(Vec<char>, usize)> {
    match msg {
        Message::Input(c) if chars.len() < max => {
            chars.insert(at, *c);
            at += 1;
        }
        Message::SetText(new) => {
            chars = new.chars().take(max).collect();
            at = chars.len();
        }
        Message::Backspace if at > 0 => {
            chars.remove(at - 1);
            at -= 1;
        }
        Message::Edit(edit) => match edit {
            Edit::Left => at = at.saturating_sub(1),
            Edit::Right => at = (at + 1).min(chars.len()),
            Edit::Start => at = 0,
            Edit::End => at = chars.len(),
            Edit::Delete if at < chars.len() => {
                chars.remove(at);
            }
            Edit::Delete => {}
            Edit::DeleteToStart => {
                chars.drain(..at);
                at = 0;
            }
            Edit::DeleteWord => {
                let spaces = chars[..at]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .count();
                let word = chars[..at - spaces]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .count();
                let from = at - spaces - word;
                chars.drain(from..at);
                at = from;
            }
        },
        _ => return None,
    }
    Some((chars, at))
}
