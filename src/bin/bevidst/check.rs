//! `bevidst check`, and loading the course set for the other commands.

use std::io::Write as _;
use std::path::PathBuf;

use bevidst::course::{self, CourseError, CourseSet};
use bevidst::exit::Exit;

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;

use crate::Format;
use crate::out::{Out, say_err};
use crate::said::Said;

pub(crate) fn load_courses(dir: Option<&PathBuf>) -> Result<CourseSet, Vec<CourseError>> {
    match dir {
        Some(dir) => course::load_dir(dir),
        None => course::bundled(),
    }
}

pub(crate) fn check(dir: Option<&PathBuf>, format: Format, reviewed: &[String]) -> Exit {
    let result = load_courses(dir);
    let mut out = Out::stdout();
    if let Ok(set) = &result
        && !reviewed.is_empty()
        && !crate::handbook::record_reviews(set, reviewed, &mut out)
    {
        return out.finish(Exit::NotOk);
    }
    let summary = course::summarize(&result);
    let text = matches!(format, Format::Text);
    if text {
        match &result {
            Ok(_) => {
                let _ = write!(out, "{}", summary.to_text());
            }
            Err(errors) => {
                for e in errors {
                    say_err!("{e}");
                }
                say_err!("{} error(s); nothing was changed", errors.len());
            }
        }
    }
    let review = result
        .as_ref()
        .ok()
        .map(|set| crate::handbook::review(set, text, &mut out));
    if !text {
        let mut json = serde_json::to_value(&summary).unwrap_or_default();
        if let (Some(Some((review, _))), Some(map)) = (&review, json.as_object_mut()) {
            map.insert("handbook_review".into(), review.clone());
        }
        match serde_json::to_string_pretty(&json) {
            Ok(json) => out.line(json),
            Err(e) => say_err!("cannot write the summary as JSON: {e}"),
        }
    }
    let review_ok = review.is_none_or(|r| r.is_some_and(|(_, clean)| clean));
    out.finish(if summary.ok && review_ok {
        Exit::Ok
    } else {
        Exit::NotOk
    })
}

/// Loads the course set and runs `f`, or lists the course errors (for the course's author, in
/// English) and says in `lang` what to do.
pub(crate) fn with_courses(
    dir: Option<&PathBuf>,
    lang: Lang,
    f: impl FnOnce(&CourseSet) -> Exit,
) -> Exit {
    match load_courses(dir) {
        Ok(set) => f(&set),
        Err(errors) => {
            for e in errors {
                say_err!("{e}");
            }
            say_err!("{}", Said::CourseSetBroken.in_lang(lang));
            Exit::NoReport
        }
    }
}
