//! Wrapping text by display width, not by bytes or characters: "æ" is one column, "中" is two,
//! a combining accent is none. The terminal UI wraps with this, and `update` counts the same
//! lines to know how far a page can scroll, so the two never disagree.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Breaks one paragraph (line breaks inside it count as spaces) into lines of at most `width`
/// columns, at spaces where possible; a word wider than a line is split between characters.
/// A single character wider than `width` gets a line of its own (the caller clips it).
/// `width == 0` yields no lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if width == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in text.split_whitespace() {
        let word_w = UnicodeWidthStr::width(word);
        let gap = usize::from(!line.is_empty());
        if line_w + gap + word_w <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            line_w += gap + word_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word_w <= width {
            line.push_str(word);
            line_w = word_w;
            continue;
        }
        // Measured as a string, not char by char: a sequence such as "*" + U+FE0F (emoji
        // presentation) is wider than the sum of its characters.
        for c in word.chars() {
            let mut candidate = line.clone();
            candidate.push(c);
            if UnicodeWidthStr::width(candidate.as_str()) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = candidate;
            }
        }
        line_w = UnicodeWidthStr::width(line.as_str());
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens `s` to at most `width` columns, ending in "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wraps_at_spaces_by_display_width() {
        assert_eq!(
            wrap("æble øre åben", 9),
            vec!["æble øre".to_owned(), "åben".to_owned()]
        );
        // Four wide characters are eight columns.
        assert_eq!(
            wrap("中文中文 ab", 8),
            vec!["中文中文".to_owned(), "ab".to_owned()]
        );
    }

    #[test]
    fn splits_words_longer_than_a_line() {
        assert_eq!(wrap("abcdefg", 3), vec!["abc", "def", "g"]);
        assert_eq!(wrap("中文中", 3), vec!["中", "文", "中"]);
        assert_eq!(wrap("中", 1), vec!["中"]);
    }

    #[test]
    fn empty_text_is_one_empty_line_and_zero_width_none() {
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert!(wrap("abc", 0).is_empty());
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Økonomiforvaltningen", 6), "Økono…");
        assert_eq!(truncate("kort", 6), "kort");
        assert_eq!(truncate("中文中文", 4), "中…");
    }

    #[test]
    fn an_emoji_presentation_sequence_is_measured_whole() {
        // "*" is one column and U+FE0F none, but together they are two.
        for line in wrap("*\u{fe0f}*\u{fe0f}", 2) {
            assert!(width(&line) <= 2, "{line:?}");
        }
    }

    proptest! {
        #[test]
        fn no_line_is_wider_than_asked_unless_one_char(s in "\\PC{0,200}", w in 1usize..40) {
            for line in wrap(&s, w) {
                let lw = width(&line);
                prop_assert!(lw <= w || line.chars().count() == 1, "{line:?} is {lw} wide");
            }
        }

        #[test]
        fn wrapping_keeps_every_word(s in "[a-zæøå ]{0,200}", w in 1usize..40) {
            let joined: String = wrap(&s, w).concat();
            let original: String = s.split_whitespace().collect();
            prop_assert_eq!(joined.replace(' ', ""), original);
        }
    }
}
