//! Errors in course files, each naming the file, line and column and saying what to do.

use std::fmt;

/// One problem in a course file (or a course folder), as `bevidst check` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseError {
    /// The file or folder, as the user named it.
    pub path: String,
    /// 1-based line and column (in characters), when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// What is wrong, and what to do about it.
    pub message: String,
}

impl CourseError {
    /// An error with no position (a whole file or folder).
    pub fn whole(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            position: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for CourseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for CourseError {}

/// Turns ron's parse error into words a course author can act on.
pub(crate) fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer_name = |outer: &Option<String>| match outer.as_deref() {
        Some("Text") => "a text".to_owned(),
        Some(o) => format!("`{o}`"),
        None => "this value".to_owned(),
    };
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {}; the fields allowed here are: {}",
            outer_name(outer),
            expected.join(", ")
        ),
        E::MissingStructField { field: "da", outer } if outer.as_deref() == Some("Text") => {
            "missing Danish text: every text needs `da: \"…\"` (English `en` is optional)"
                .to_owned()
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}` in {}; add it", outer_name(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!(
                "field `{field}` is given twice in {}; keep one",
                outer_name(outer)
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown value `{found}`{}; use one of: {}",
            outer
                .as_ref()
                .map(|o| format!(" for `{o}`"))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::ExceededRecursionLimit => format!(
            "nested more than {} levels deep; a course file needs only a few levels",
            super::load::RECURSION_LIMIT
        ),
        E::ExpectedComma => {
            "expected a comma here; the value before it (probably at the end of the previous \
             line) needs a `,` after it"
                .to_owned()
        }
        E::ExpectedString => "expected a text in quotes here".to_owned(),
        E::Eof => "the file ends too early; a bracket or quote is probably not closed".to_owned(),
        other => format!("RON syntax error: {other}; see courses/README.md for the format"),
    }
}
