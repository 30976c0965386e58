//! Display safety. Text from course files, records and rosters is shown in a terminal and
//! written to exports; control characters, terminal escape sequences and bidirectional
//! overrides (such as U+202E, which makes text read backwards) must never get through.

/// Why a character is not allowed in text that will be displayed.
pub fn forbidden_char(c: char) -> Option<&'static str> {
    match c {
        '\n' | '\r' | '\t' => None,
        '\u{1b}' => Some("an escape character (terminal escape sequence)"),
        c if c.is_control() => Some("a control character"),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some("a bidirectional text control (such as U+202E)"),
        _ => None,
    }
}

/// The first character in `s` that may not be displayed, with its byte offset and the reason.
pub fn first_forbidden(s: &str) -> Option<(usize, char, &'static str)> {
    s.char_indices()
        .find_map(|(i, c)| forbidden_char(c).map(|why| (i, c, why)))
}

/// Removes every character that may not be displayed; tabs and line breaks become spaces
/// when `single_line` is set.
pub fn sanitize(s: &str, single_line: bool) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' if single_line => Some(' '),
            c if forbidden_char(c).is_some() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_and_bidi() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{202e}c\u{7}", false), "a[31mbc");
        assert_eq!(sanitize("a\nb", true), "a b");
        assert_eq!(sanitize("æøå 中文", true), "æøå 中文");
    }

    #[test]
    fn finds_the_first_forbidden_char() {
        assert_eq!(first_forbidden("ok\u{202e}").map(|(i, _, _)| i), Some(2));
        assert!(first_forbidden("linje\nlinje\r\n\tind").is_none());
    }
}
