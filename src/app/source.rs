//! The handbook section a lesson or question cites, as a page the learner can open beside it
//! to read the policy's own words (the text comes from `courses/handbook/`, made display-safe
//! like every course text).

use super::Screen;
use super::doc::{Para, Tone, paragraphs, safe};
use crate::course::LoadedModule;
use crate::lang::Lang;

/// The text of the handbook section a lesson or question cites (`cited`, as the course file
/// writes it), so the learner can read the policy's own words: the section's title, which
/// document and revision it is from, and its text (Danish, as the handbook has it).
pub fn source(module: &LoadedModule, cited: &str, lang: Lang) -> Vec<Para> {
    let handbook = &module.handbook;
    let Some((document, section)) = handbook.resolve(cited) else {
        return vec![Para::new(Tone::Muted, safe(cited))];
    };
    let revised = crate::schedule::format_date(document.revised, lang);
    let mut out = vec![
        Para::new(Tone::Title, safe(&handbook.citation_label(cited, lang))),
        Para::new(
            Tone::Muted,
            match lang {
                Lang::Da => format!(
                    "Fra {}, revideret {revised}.",
                    safe(document.name.get(lang))
                ),
                Lang::En => format!(
                    "From {}, revised {revised}. The handbook's own words, in Danish.",
                    safe(document.name.get(lang))
                ),
            },
        ),
    ];
    let mut any = false;
    for p in paragraphs(&section.text) {
        any = true;
        out.push(Para::blank());
        out.push(Para::new(Tone::Text, p));
    }
    if !any {
        out.push(Para::blank());
        out.push(Para::new(
            Tone::Muted,
            lang.pick(
                "Afsnittet er en overskrift; dets indhold står i afsnittene under det.",
                "This section is a heading; its content is in the sections below it.",
            ),
        ));
    }
    out
}

impl super::Model {
    /// The module and the handbook section (as cited) of the lesson page or reviewed question
    /// on screen, if the screen cites one.
    pub fn cited(&self) -> Option<(&crate::course::LoadedModule, &str)> {
        match &self.screen {
            Screen::Lesson(s) => {
                let m = self.courses.modules.get(s.module)?;
                let lesson = m.module.lessons.get(s.page)?;
                Some((m, lesson.section.as_str()))
            }
            Screen::Review(r) => {
                let m = self.courses.modules.get(r.result.module)?;
                let item = r.result.attempt.items.get(r.index)?;
                let q = m.module.questions.get(item.question)?;
                Some((m, q.section.as_str()))
            }
            _ => None,
        }
    }

    /// The page of the cited handbook section, if the screen cites one.
    pub fn source_page(&self) -> Option<Vec<Para>> {
        self.cited()
            .map(|(m, section)| source(m, section, self.lang()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_is_the_cited_sections_own_text() {
        let src = include_str!("../../tests/fixtures/valid/eksempel.ron");
        let module = crate::course::parse_module("eksempel.ron", src.as_bytes()).expect("valid");
        let paras = source(&module, "1.7", Lang::Da);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts[0], "Politikkens afsnit 1.7: It-beredskab");
        assert!(texts[1].starts_with("Fra It-sikkerhedspolitik for Københavns Kommune, revideret"));
        assert!(texts[3].starts_with("It-systemer, der er vitale for kommunens betjening"));
        let heading = source(&module, "1", Lang::En);
        assert!(
            heading
                .last()
                .is_some_and(|p| p.text.contains("is a heading"))
        );
    }
}
