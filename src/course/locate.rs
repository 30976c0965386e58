//! Finding places in a course file's source. ron reports positions for syntax errors only;
//! for errors found after parsing (a question with no correct choice, a duplicate id) this
//! finds the spot the author must edit by searching the source for the item's id or field.

/// Byte-offset search over one file's source, with conversion to line and column.
pub(crate) struct Locator<'a> {
    src: &'a str,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Self { src }
    }

    /// 1-based line and column (counted in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let before = self.src.get(..offset).unwrap_or(self.src);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// The offset of the `nth` (0-based) field `name: "value"` in the file.
    pub(crate) fn field_with_string(&self, name: &str, value: &str, nth: usize) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        self.src
            .match_indices(&quoted)
            .filter(|(i, _)| {
                let before = self.src[..*i].trim_end();
                before
                    .strip_suffix(':')
                    .map(str::trim_end)
                    .and_then(|b| b.strip_suffix(name))
                    .is_some_and(|b| !b.ends_with(is_ident_char))
            })
            .nth(nth)
            .map(|(i, _)| self.field_start(i))
    }

    /// The offset of the first field called `name` at or after `from`.
    pub(crate) fn field(&self, name: &str, from: usize) -> Option<usize> {
        let from = from.min(self.src.len());
        self.src[from..]
            .match_indices(name)
            .map(|(i, _)| i + from)
            .find(|&i| {
                let before_ok = !self.src[..i].ends_with(is_ident_char);
                let after = &self.src[i + name.len()..];
                let after_ok =
                    !after.starts_with(is_ident_char) && after.trim_start().starts_with(':');
                before_ok && after_ok
            })
    }

    /// The offset of the string literal `"value"` at or after `from`.
    pub(crate) fn string(&self, value: &str, from: usize) -> Option<usize> {
        let from = from.min(self.src.len());
        let quoted = format!("\"{value}\"");
        self.src[from..].find(&quoted).map(|i| i + from)
    }

    /// The offset of the character `c` at or after `from`.
    pub(crate) fn char(&self, c: char, from: usize) -> Option<usize> {
        let from = from.min(self.src.len());
        self.src.get(from..)?.find(c).map(|i| i + from)
    }

    /// The offset of a RON escape (`\u{1b}` or `\x1b`) that writes the character `c`, at or
    /// after `from`.
    pub(crate) fn escape(&self, c: char, from: usize) -> Option<usize> {
        let from = from.min(self.src.len());
        let want = u32::from(c);
        let rest = self.src.get(from..)?;
        rest.match_indices('\\').find_map(|(i, _)| {
            let after = &rest[i + 1..];
            let code = if let Some(u) = after.strip_prefix("u{") {
                u.split('}')
                    .next()
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
            } else if let Some(x) = after.strip_prefix('x') {
                x.get(..2).and_then(|h| u32::from_str_radix(h, 16).ok())
            } else {
                None
            };
            (code == Some(want)).then_some(from + i)
        })
    }

    /// Walks back from a value to the start of its field name (`id: "x"` → the `i`).
    fn field_start(&self, value_offset: usize) -> usize {
        let before = self.src[..value_offset].trim_end();
        let before = before.strip_suffix(':').unwrap_or(before).trim_end();
        before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_ident_char(*c))
            .last()
            .map_or(value_offset, |(i, _)| i)
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_positions() {
        let src = "Module(\n  id: \"a\",\n  questions: [\n    (id:\"q1\"), (id: \"q1\")\n  ],\n  pass_mark: 0,\n)";
        let loc = Locator::new(src);
        let first = loc
            .field_with_string("id", "q1", 0)
            .map(|o| loc.line_col(o));
        let second = loc
            .field_with_string("id", "q1", 1)
            .map(|o| loc.line_col(o));
        assert_eq!(first, Some((4, 6)));
        assert_eq!(second, Some((4, 17)));
        assert_eq!(
            loc.field("pass_mark", 0).map(|o| loc.line_col(o)),
            Some((6, 3))
        );
        assert_eq!(loc.field("mark", 0), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let loc = Locator::new("æøå: x");
        assert_eq!(loc.line_col(loc.char('x', 0).unwrap_or(0)), (1, 6));
    }
}
