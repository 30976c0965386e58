//! Interface and content language: Danish (required everywhere) and English (optional).

use serde::{Deserialize, Serialize};

/// A language the program can show; also the value of every `--lang` option (`da`, `en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lang {
    /// Danish, the language every text must have.
    #[default]
    #[value(help = "Dansk")]
    Da,
    /// English, shown where present.
    #[value(help = "English")]
    En,
}

impl Lang {
    /// The other language (for a toggle).
    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    /// The ISO 639-1 code, as used in xAPI language maps.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Picks the Danish or English of two strings.
    pub fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}
