//! The one way to hold a text a person reads: its Danish and its English side by side, rendered
//! in the learner's language.
//!
//! - A fixed text is a [`Bi`]: `Bi::new("Gemt.", "Saved.")`, usually a `const`.
//! - A text with values in it, and every error or notice a person may read, is a type that
//!   implements [`Bilingual`]: its `write` says each case once, Danish first, with
//!   [`Lang::write`]:
//!
//!   ```
//!   use std::fmt;
//!   use bevidst::lang::Lang;
//!   use bevidst::message::Bilingual;
//!
//!   struct Saved(usize);
//!
//!   impl Bilingual for Saved {
//!       fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
//!           let n = self.0;
//!           lang.write(out, format_args!("{n} gemt"), format_args!("{n} saved"))
//!       }
//!   }
//!   bevidst::danish_display!(Saved);
//!
//!   assert_eq!(Saved(2).text(Lang::En), "2 saved");
//!   assert_eq!(Saved(2).to_string(), "2 gemt");
//!   ```
//!
//! - `Display` of such a type is its Danish text, the program's default language
//!   ([`danish_display!`]); code that knows the learner's language uses
//!   [`Bilingual::text`] or [`Bilingual::in_lang`].
//!
//! Only the errors `bevidst check` gives course authors (`course::CourseError`) are English
//! alone: they are read by the authors, with the course files' field names.

use std::fmt;

use crate::lang::Lang;

/// A text a person reads, in Danish and English: each case written once with both languages
/// side by side (see the module's header).
pub trait Bilingual {
    /// Writes the text in `lang`.
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The text in `lang`.
    fn text(&self, lang: Lang) -> String {
        self.in_lang(lang).to_string()
    }

    /// The text in `lang`, as something to format (`format!("{}", e.in_lang(lang))`).
    fn in_lang(&self, lang: Lang) -> InLang<'_, Self> {
        InLang {
            message: self,
            lang,
        }
    }
}

/// A [`Bilingual`] text in one language, to format.
pub struct InLang<'a, M: ?Sized> {
    message: &'a M,
    lang: Lang,
}

impl<M: Bilingual + ?Sized> fmt::Display for InLang<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message.write(self.lang, f)
    }
}

impl<M: Bilingual + ?Sized> Bilingual for &M {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).write(lang, out)
    }
}

impl<M: Bilingual + ?Sized> Bilingual for Box<M> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).write(lang, out)
    }
}

/// A fixed text in Danish and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bi {
    /// The Danish text.
    pub da: &'static str,
    /// The English text.
    pub en: &'static str,
}

impl Bi {
    /// The text with its Danish and English.
    pub const fn new(da: &'static str, en: &'static str) -> Self {
        Bi { da, en }
    }

    /// The text in `lang`.
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

impl Bilingual for Bi {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.get(lang))
    }
}

impl fmt::Display for Bi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.da)
    }
}

impl Lang {
    /// Writes the Danish or the English of a case of a [`Bilingual`] text: both are given side
    /// by side, only the one in `self` is formatted.
    pub fn write(
        self,
        out: &mut fmt::Formatter<'_>,
        da: fmt::Arguments<'_>,
        en: fmt::Arguments<'_>,
    ) -> fmt::Result {
        match self {
            Lang::Da => out.write_fmt(da),
            Lang::En => out.write_fmt(en),
        }
    }
}

/// The operating system's reason for a failed file operation, in words: the common kinds in
/// Danish and English, any other as the system words it (without its "(os error N)").
pub struct IoReason<'a>(pub &'a std::io::Error);

/// What was being done to a file when it failed (`"read"`, `"write"`, `"create"`), in words.
pub fn action(what: &str, lang: Lang) -> &str {
    match (what, lang) {
        ("read", Lang::Da) => "læse",
        ("write", Lang::Da) => "skrive",
        ("create", Lang::Da) => "oprette",
        (other, _) => other,
    }
}

/// Writes "PATH: kan ikke læse ankerfilen: den findes ikke": which file, what was being done
/// to it (`"read"`, `"write"`, `"create"`), what it is (`file`, definite form), and why.
pub fn write_file_failure(
    lang: Lang,
    out: &mut fmt::Formatter<'_>,
    path: &std::path::Path,
    what: &str,
    file: Bi,
    source: &std::io::Error,
) -> fmt::Result {
    let (p, act, why) = (
        path.display(),
        action(what, lang),
        IoReason(source).text(lang),
    );
    lang.write(
        out,
        format_args!("{p}: kan ikke {act} {}: {why}", file.da),
        format_args!("{p}: cannot {act} {}: {why}", file.en),
    )
}

impl Bilingual for IoReason<'_> {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use std::io::ErrorKind as K;
        let fixed = match self.0.kind() {
            K::NotFound => Bi::new("den findes ikke", "it does not exist"),
            K::PermissionDenied => Bi::new("adgang nægtet", "permission denied"),
            K::AlreadyExists => Bi::new("den findes allerede", "it already exists"),
            K::StorageFull => Bi::new("disken er fuld", "the disk is full"),
            K::ReadOnlyFilesystem => Bi::new("drevet er skrivebeskyttet", "the drive is read-only"),
            K::IsADirectory => Bi::new("det er en mappe", "it is a folder"),
            K::NotADirectory => Bi::new(
                "en del af stien er ikke en mappe",
                "a part of the path is not a folder",
            ),
            K::TimedOut => Bi::new("der kom ikke svar i tide", "it timed out"),
            _ => {
                let said = self.0.to_string();
                let said = match (self.0.raw_os_error(), said.rfind(" (os error ")) {
                    (Some(_), Some(at)) => &said[..at],
                    _ => &said,
                };
                return out.write_str(said);
            }
        };
        fixed.write(lang, out)
    }
}

/// `Display` for [`Bilingual`] types: the Danish text, the program's default language.
#[macro_export]
macro_rules! danish_display {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::message::Bilingual::write(self, $crate::lang::Lang::Da, f)
            }
        }
    )+};
}

/// A table of fixed texts, each with its Danish and English side by side: declares the struct
/// `$name` with one `&'static str` field per text, its Danish and English instances, and
/// `fn texts(lang) -> &'static $name`. A text missing in one language does not compile.
#[macro_export]
macro_rules! text_table {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident;
        $($field:ident: $da:literal, $en:literal;)+
    ) => {
        $(#[$meta])*
        // No doc per field: each field's name says where it is used.
        #[allow(missing_docs)]
        $vis struct $name {
            $(pub $field: &'static str,)+
        }

        impl $name {
            const DA: $name = $name { $($field: $da,)+ };
            const EN: $name = $name { $($field: $en,)+ };
        }

        /// The fixed texts in `lang`.
        $vis fn texts(lang: $crate::lang::Lang) -> &'static $name {
            match lang {
                $crate::lang::Lang::Da => &$name::DA,
                $crate::lang::Lang::En => &$name::EN,
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    enum Count {
        One,
        Many(usize),
    }

    impl Bilingual for Count {
        fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Count::One => lang.write(out, format_args!("én fil"), format_args!("one file")),
                Count::Many(n) => {
                    lang.write(out, format_args!("{n} filer"), format_args!("{n} files"))
                }
            }
        }
    }
    crate::danish_display!(Count);

    #[test]
    fn a_system_reason_is_in_words_without_its_number() {
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(IoReason(&gone).text(Lang::Da), "den findes ikke");
        let os = std::io::Error::from_raw_os_error(2);
        assert_eq!(IoReason(&os).text(Lang::En), "it does not exist");
        let other = std::io::Error::other("the share went away");
        assert_eq!(IoReason(&other).text(Lang::Da), "the share went away");
    }

    #[test]
    fn a_message_renders_in_the_language_asked_and_displays_in_danish() {
        assert_eq!(Count::One.text(Lang::En), "one file");
        assert_eq!(Count::Many(3).text(Lang::Da), "3 filer");
        assert_eq!(format!("{}", Count::Many(3).in_lang(Lang::En)), "3 files");
        assert_eq!(Count::Many(3).to_string(), "3 filer");
    }

    #[test]
    fn a_fixed_text_is_one_of_its_two() {
        const SAVED: Bi = Bi::new("Gemt.", "Saved.");
        assert_eq!(SAVED.get(Lang::En), "Saved.");
        assert_eq!(SAVED.text(Lang::Da), "Gemt.");
        assert_eq!(SAVED.to_string(), "Gemt.");
    }
}
