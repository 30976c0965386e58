//! The canonical content hash of a module: SHA-256 over the encoding of [`crate::canon`],
//! domain tag `bevidst-course-v1\0`, then the module's fields in the order below. It depends
//! only on the content (after layout normalisation), never on formatting, comments or the
//! order of fields in the file. Completion records carry it, so everyone can tell which
//! content a learner saw.
//!
//! Order: `id`, `version`, kind (1 = onboarding; 2 = refresher, then `every_months` as u32),
//! `title`, `summary`, `sections` (list of strings), `lessons` (`title`, `section`,
//! `beyond_policy`, `body`), `questions` (`id`, area code, goal codes, `section`,
//! `beyond_policy`, kind code, `prompt`, `choices` (`text`, `correct`, `feedback`),
//! `explanation`), `draw`, `pass_mark`, and last, only for a module that is not for everyone,
//! the audience's code as u8 (so the hashes of modules for everyone did not change when
//! audiences came).
//! A text is its Danish string followed by its optional English string.

use super::{Audience, Module, ModuleKind, Text};
use crate::canon::{CanonHasher, Digest32};

/// The domain tag of course content hashes.
pub const DOMAIN: &[u8] = b"bevidst-course-v1\0";

fn text(h: &mut CanonHasher, t: &Text) {
    h.str(&t.da).opt_str(t.en.as_deref());
}

/// The content hash of a (validated, normalised) module.
pub fn content_hash(m: &Module) -> Digest32 {
    let mut h = CanonHasher::new(DOMAIN);
    h.str(&m.id).u32(m.version);
    match m.kind {
        ModuleKind::Onboarding => h.u8(1),
        ModuleKind::Refresher { every_months } => h.u8(2).u32(every_months),
    };
    text(&mut h, &m.title);
    text(&mut h, &m.summary);
    h.len(m.sections.len());
    for s in &m.sections {
        h.str(s);
    }
    h.len(m.lessons.len());
    for l in &m.lessons {
        text(&mut h, &l.title);
        h.str(&l.section).opt_str(l.beyond_policy.as_deref());
        text(&mut h, &l.body);
    }
    h.len(m.questions.len());
    for q in &m.questions {
        h.str(&q.id).u8(q.area.code()).len(q.goals.len());
        for g in &q.goals {
            h.u8(g.code());
        }
        h.str(&q.section)
            .opt_str(q.beyond_policy.as_deref())
            .u8(q.kind.code());
        text(&mut h, &q.prompt);
        h.len(q.choices.len());
        for c in &q.choices {
            text(&mut h, &c.text);
            h.bool(c.correct);
            text(&mut h, &c.feedback);
        }
        text(&mut h, &q.explanation);
    }
    h.u32(m.draw).u32(m.pass_mark);
    match m.audience {
        Audience::Everyone => {}
        audience @ Audience::Managers => {
            h.u8(audience.code());
        }
    }
    h.finish()
}
