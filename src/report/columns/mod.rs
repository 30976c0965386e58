//! The report's columns, defined once per row type: header in Danish and English, the value,
//! alignment, width on the dashboard, and where it is shown. The dashboard
//! (`tui::report::view`), Markdown, CSV and JSON all render a table from these lists, so a
//! column added here appears in every format, under the same name, and a figure that privacy
//! withheld ([`Value::Withheld`]) is written the same way everywhere.
//!
//! Adding a column: one [`Column`] in the row type's list (`aggregate.rs` for the aggregate
//! tables, `followup.rs` for the follow-up lists); the compiler asks for nothing else unless
//! the row type needs a new field.

use serde::ser::{SerializeMap as _, SerializeSeq as _};
use serde::{Serialize, Serializer};

use crate::lang::Lang;

mod aggregate;
mod followup;
mod overview;

pub use self::aggregate::{
    COMPLETION, HANDBOOK_REVIEWS, KNOWLEDGE, MODULE_STATS, PROBLEM_COUNTS, QUESTIONS,
    ROSTER_PROBLEMS, Withholdable,
};
pub use self::followup::{
    FILE_PROBLEMS, MANAGERS, NEVER_STARTED, NOT_ACCEPTED, OVERDUE, PEOPLE, PROBLEMS,
};
pub use self::overview::OVERVIEW;

/// Text from records, files or the course set.
fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// A module: its title where people read, its id in data.
fn module(id: &str, title: &crate::course::Text, lang: Lang) -> Value {
    Value::Label {
        shown: title.get(lang).to_owned(),
        data: id.to_owned(),
    }
}

/// A forvaltning, or all of them together (`*` in data).
fn forvaltning(f: Option<&str>, lang: Lang) -> Value {
    match f {
        Some(f) => text(f),
        None => Value::Label {
            shown: lang
                .pick("Alle forvaltninger", "All forvaltninger")
                .to_owned(),
            data: "*".to_owned(),
        },
    }
}

/// A problem's kind: words in the report's language, English words in data (as before).
fn kind(k: crate::report::model::ProblemKind, lang: Lang) -> Value {
    Value::label(lang, k.label(Lang::Da), k.label(Lang::En))
}

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text and identifiers.
    Left,
    /// Figures.
    Right,
}

/// A column's width on the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// A share of the room left by the fixed columns.
    Fill(u16),
    /// At least this many cells (and never narrower than the header).
    Fixed(u16),
}

/// Where a column is shown. Every column is in the data formats (CSV, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The dashboard, Markdown and the data formats.
    Everywhere,
    /// Markdown and the data formats; too wide for the dashboard's table.
    NotOnDashboard,
    /// Only CSV and JSON (bookkeeping such as `suppressed`, or what the text shows in words).
    DataOnly,
}

/// Where a table is being drawn, to pick its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// The terminal dashboard.
    Dashboard,
    /// Markdown.
    Document,
    /// CSV and JSON.
    Data,
}

/// One cell's content, typed so that each format writes it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text from records, files or the course set; made display-safe in every format.
    Text(String),
    /// Words for people (`shown`, in the report's language) and a stable code for data
    /// formats (`data`).
    Label {
        /// What the dashboard and Markdown show.
        shown: String,
        /// What CSV and JSON carry.
        data: String,
    },
    /// A whole number.
    Count(u64),
    /// A share 0–1: a percentage in text, a decimal in data.
    Share(f64),
    /// A decimal number (two decimals in text).
    Decimal(f64),
    /// Yes or no.
    Flag(bool),
    /// Withheld to protect a small group: `<5` in text, empty in CSV, `null` in JSON.
    Withheld,
    /// Nothing to show (not computable, or not applicable): `–` in text, empty, `null`.
    Empty,
}

impl Value {
    /// A label whose data code is its English words.
    pub fn label(lang: Lang, da: &str, en: &str) -> Value {
        Value::Label {
            shown: lang.pick(da, en).to_owned(),
            data: en.to_owned(),
        }
    }

    /// The value for the dashboard and Markdown; `min_group` writes a withheld figure.
    pub fn text(&self, lang: Lang, min_group: u32) -> String {
        match self {
            Value::Text(s) => crate::safe_text::sanitize(s, true),
            Value::Label { shown, .. } => crate::safe_text::sanitize(shown, true),
            Value::Count(n) => n.to_string(),
            Value::Share(s) => pct(lang, *s),
            Value::Decimal(v) => num2(lang, *v),
            Value::Flag(b) => lang
                .pick(if *b { "ja" } else { "nej" }, if *b { "yes" } else { "no" })
                .to_owned(),
            Value::Withheld => format!("<{min_group}"),
            Value::Empty => "–".to_owned(),
        }
    }

    /// The value for a CSV cell.
    pub fn csv(&self) -> String {
        match self {
            Value::Text(s) => crate::safe_text::sanitize(s, true),
            Value::Label { data, .. } => crate::safe_text::sanitize(data, true),
            Value::Count(n) => n.to_string(),
            Value::Share(v) | Value::Decimal(v) => v.to_string(),
            Value::Flag(b) => b.to_string(),
            Value::Withheld | Value::Empty => String::new(),
        }
    }
}

impl Serialize for Value {
    /// The value for JSON.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Text(t) => s.serialize_str(&crate::safe_text::sanitize(t, true)),
            Value::Label { data, .. } => s.serialize_str(&crate::safe_text::sanitize(data, true)),
            Value::Count(n) => s.serialize_u64(*n),
            Value::Share(v) | Value::Decimal(v) => s.serialize_f64(*v),
            Value::Flag(b) => s.serialize_bool(*b),
            Value::Withheld | Value::Empty => s.serialize_none(),
        }
    }
}

/// One column of a row type `R`.
pub struct Column<R: 'static> {
    /// The CSV header and JSON field.
    pub name: &'static str,
    /// The Danish header.
    pub da: &'static str,
    /// The English header.
    pub en: &'static str,
    /// A shorter header for the dashboard's narrow table, Danish and English (the help
    /// explains it).
    pub short: Option<(&'static str, &'static str)>,
    /// Left for text, right for figures.
    pub align: Align,
    /// Width on the dashboard.
    pub width: Width,
    /// Where the column appears.
    pub shown: Shown,
    /// Whether the column identifies the row (the long CSV joins these into its key).
    pub key: bool,
    /// The cell of a row; `lang` is for labels.
    pub value: fn(&R, Lang) -> Value,
}

impl<R> Column<R> {
    /// A left-aligned text column shown everywhere, filling the dashboard.
    pub const fn new(
        name: &'static str,
        (da, en): (&'static str, &'static str),
        value: fn(&R, Lang) -> Value,
    ) -> Self {
        Column {
            name,
            da,
            en,
            short: None,
            align: Align::Left,
            width: Width::Fill(1),
            shown: Shown::Everywhere,
            key: false,
            value,
        }
    }

    /// A right-aligned figure, `width` cells wide on the dashboard.
    #[must_use]
    pub const fn figure(mut self, width: u16) -> Self {
        self.align = Align::Right;
        self.width = Width::Fixed(width);
        self
    }

    /// A share of the dashboard's spare width.
    #[must_use]
    pub const fn fill(mut self, share: u16) -> Self {
        self.width = Width::Fill(share);
        self
    }

    /// A fixed dashboard width.
    #[must_use]
    pub const fn fixed(mut self, width: u16) -> Self {
        self.width = Width::Fixed(width);
        self
    }

    /// A shorter header for the dashboard.
    #[must_use]
    pub const fn short(mut self, da: &'static str, en: &'static str) -> Self {
        self.short = Some((da, en));
        self
    }

    /// An identifying column.
    #[must_use]
    pub const fn key(mut self) -> Self {
        self.key = true;
        self
    }

    /// Shown only where `shown` says.
    #[must_use]
    pub const fn only(mut self, shown: Shown) -> Self {
        self.shown = shown;
        self
    }

    /// The header in `lang`.
    pub fn head(&self, lang: Lang) -> &'static str {
        lang.pick(self.da, self.en)
    }

    /// The header on the dashboard: the short one, when there is one.
    pub fn dashboard_head(&self, lang: Lang) -> &'static str {
        self.short
            .map_or(self.head(lang), |(da, en)| lang.pick(da, en))
    }

    /// The cell of `row` as text for the dashboard or Markdown.
    pub fn text(&self, row: &R, lang: Lang, min_group: u32) -> String {
        (self.value)(row, lang).text(lang, min_group)
    }

    /// Whether the column appears in `medium`.
    pub fn is_in(&self, medium: Medium) -> bool {
        match (self.shown, medium) {
            (Shown::Everywhere, _)
            | (Shown::NotOnDashboard, Medium::Document | Medium::Data)
            | (Shown::DataOnly, Medium::Data) => true,
            (Shown::NotOnDashboard, Medium::Dashboard)
            | (Shown::DataOnly, Medium::Dashboard | Medium::Document) => false,
        }
    }
}

/// The columns of `cols` that appear in `medium`.
pub fn columns_in<R>(
    cols: &'static [Column<R>],
    medium: Medium,
) -> impl Iterator<Item = &'static Column<R>> {
    cols.iter().filter(move |c| c.is_in(medium))
}

/// Serialises rows as a JSON array of objects, one field per column (`serialize_with`).
pub fn serialize_rows<R, S: Serializer>(
    cols: &'static [Column<R>],
    rows: &[R],
    s: S,
) -> Result<S::Ok, S::Error> {
    struct One<'a, R: 'static>(&'static [Column<R>], &'a R);
    impl<R> Serialize for One<'_, R> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for c in self.0 {
                map.serialize_entry(c.name, &(c.value)(self.1, Lang::En))?;
            }
            map.end()
        }
    }
    let mut seq = s.serialize_seq(Some(rows.len()))?;
    for r in rows {
        seq.serialize_element(&One(cols, r))?;
    }
    seq.end()
}

/// A share as a percentage with one decimal, in the language's notation.
pub fn pct(lang: Lang, share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    match lang {
        Lang::Da => format!("{} %", s.replace('.', ",")),
        Lang::En => format!("{s}%"),
    }
}

/// A number with two decimals, in the language's notation.
pub fn num2(lang: Lang, v: f64) -> String {
    let s = format!("{v:.2}");
    match lang {
        Lang::Da => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(pct(Lang::Da, 0.8734), "87,3 %");
        assert_eq!(pct(Lang::En, 0.8734), "87.3%");
        assert_eq!(num2(Lang::Da, 0.756), "0,76");
    }

    #[test]
    fn a_withheld_figure_is_written_alike_and_never_as_a_number() {
        let w = Value::Withheld;
        assert_eq!(w.text(Lang::Da, 5), "<5");
        assert_eq!(w.csv(), "");
        assert_eq!(serde_json::to_string(&w).expect("serialises"), "null");
        assert_eq!(Value::Empty.text(Lang::En, 5), "–");
    }

    #[test]
    fn text_is_display_safe_in_every_format() {
        let v = Value::Text("a\u{202e}b\u{1b}[2Jc\u{200b}\u{9b}".into());
        assert_eq!(v.text(Lang::Da, 5), "ab[2Jc");
        assert_eq!(v.csv(), "ab[2Jc");
        assert_eq!(serde_json::to_string(&v).expect("serialises"), "\"ab[2Jc\"");
    }
}
