//! Display safety. Text from course files, records and rosters is shown in a terminal and
//! written to exports; control characters (C0 and C1), terminal escape sequences,
//! bidirectional controls (such as U+202E, which makes text read backwards), and zero-width
//! and other invisible format characters (which make two different texts look the same) must
//! never get through.

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
        '\u{00ad}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200d}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206a}'..='\u{206f}'
        | '\u{3164}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e007f}' => {
            Some("an invisible character (zero-width or format character, such as U+200B)")
        }
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
    fn strips_c1_controls_and_invisible_format_characters() {
        assert_eq!(
            sanitize(
                "a\u{9b}31mb\u{85}c\u{200b}d\u{feff}e\u{2060}f\u{ad}g\u{e0041}h",
                true
            ),
            "a31mbcdefgh"
        );
        assert!(first_forbidden("x\u{200d}y").is_some());
    }

    #[test]
    fn finds_the_first_forbidden_char() {
        assert_eq!(first_forbidden("ok\u{202e}").map(|(i, _, _)| i), Some(2));
        assert!(first_forbidden("linje\nlinje\r\n\tind").is_none());
    }
}
