//! The course set as the verdict looks things up in it: modules and questions by id, and the
//! content hashes of the module versions that are known (the current set, plus earlier
//! versions the caller remembers).

use std::collections::HashMap;

use crate::attempt::FinishedAttempt;
use crate::canon::Digest32;
use crate::course::{CourseSet, Module, Question, Text};
use crate::policy::{Area, Goal};

use super::{MIN_SECONDS_PER_QUESTION, SKIM_WORDS_PER_SECOND};

/// A module of the course set, as the verdict and the report need it.
#[derive(Debug, Clone)]
pub struct ModuleInfo {
    /// Module id.
    pub id: String,
    /// Title, Danish and English.
    pub title: Text,
    /// Current version.
    pub version: u32,
    /// Months between refreshers; `None` for onboarding.
    pub every_months: Option<u32>,
    /// Questions per attempt.
    pub draw: u32,
    /// Pass mark in percent.
    pub pass_mark: u32,
    /// Current content hash.
    pub hash: Digest32,
    /// The module itself (the schedule works on it).
    pub module: Module,
}

/// A question of the course set.
#[derive(Debug, Clone)]
pub struct QuestionInfo {
    /// Question id.
    pub id: String,
    /// Index of its module in [`CourseIndex::modules`].
    pub module: usize,
    /// Its area (the course's, never a record's).
    pub area: Area,
    /// Its goals.
    pub goals: Vec<Goal>,
    /// The least time, in seconds, it takes to read.
    pub min_seconds: u32,
}

/// Fast lookups into a course set, plus the content hashes of earlier module versions.
#[derive(Debug, Clone, Default)]
pub struct CourseIndex {
    /// Modules in course-set order.
    pub modules: Vec<ModuleInfo>,
    /// Questions, grouped by module in course-set order.
    pub questions: Vec<QuestionInfo>,
    module_by_id: HashMap<String, usize>,
    question_by_id: HashMap<String, usize>,
    /// Content hash → (module index, version).
    pub(super) known: HashMap<Digest32, (usize, u32)>,
}

/// A known module version: module id, version and content hash.
pub type KnownVersion = (String, u32, Digest32);

impl CourseIndex {
    /// Indexes a course set; `earlier` adds versions seen before (modules no longer in the set
    /// are ignored: their records do not count anyway).
    pub fn new(set: &CourseSet, earlier: &[KnownVersion]) -> Self {
        let mut index = CourseIndex::default();
        for (mi, loaded) in set.modules.iter().enumerate() {
            let m = &loaded.module;
            index.module_by_id.insert(m.id.clone(), mi);
            index.known.insert(loaded.hash, (mi, m.version));
            index.modules.push(ModuleInfo {
                id: m.id.clone(),
                title: m.title.clone(),
                version: m.version,
                every_months: m.every_months(),
                draw: m.draw,
                pass_mark: m.pass_mark,
                hash: loaded.hash,
                module: m.clone(),
            });
            for q in &m.questions {
                index
                    .question_by_id
                    .insert(q.id.clone(), index.questions.len());
                index.questions.push(QuestionInfo {
                    id: q.id.clone(),
                    module: mi,
                    area: q.area,
                    goals: q.goals.clone(),
                    min_seconds: min_seconds(q),
                });
            }
        }
        for (id, version, hash) in earlier {
            if let Some(&mi) = index.module_by_id.get(id) {
                index.known.entry(*hash).or_insert((mi, *version));
            }
        }
        index
    }

    /// The index the learner's program judges with: the course set, plus the earlier versions
    /// the learner's own history holds. The learner's program keeps no other memory of earlier
    /// versions, and its own log is what it trusts for them (the report, which does not, judges
    /// with the versions it remembers from genuine logs).
    pub fn for_learner(set: &CourseSet, history: &[FinishedAttempt]) -> Self {
        let current: HashMap<&str, u32> = set
            .modules
            .iter()
            .map(|l| (l.module.id.as_str(), l.module.version))
            .collect();
        let earlier: Vec<KnownVersion> = history
            .iter()
            .filter(|a| {
                current
                    .get(a.module.as_str())
                    .is_some_and(|&v| a.module_version < v)
            })
            .map(|a| (a.module.clone(), a.module_version, a.content_hash))
            .collect();
        CourseIndex::new(set, &earlier)
    }

    /// The index of the module with this id.
    pub fn module(&self, id: &str) -> Option<usize> {
        self.module_by_id.get(id).copied()
    }

    /// The index of the question with this id.
    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_by_id.get(id).copied()
    }

    /// Every known (module id, version, hash), for remembering in the anchor file.
    pub fn known_versions(&self) -> Vec<KnownVersion> {
        let mut v: Vec<KnownVersion> = self
            .known
            .iter()
            .map(|(h, &(mi, version))| (self.modules[mi].id.clone(), version, *h))
            .collect();
        v.sort();
        v
    }
}

/// The least time a question takes, by the reading rule in the verdict's header.
fn min_seconds(q: &Question) -> u32 {
    let words = |lang_pick: fn(&Text) -> Option<&str>| -> Option<usize> {
        let mut n = count_words(lang_pick(&q.prompt)?);
        for c in &q.choices {
            n += count_words(lang_pick(&c.text)?);
        }
        Some(n)
    };
    let da = words(|t| Some(t.da.as_str())).unwrap_or(0);
    let shortest = words(|t| t.en.as_deref()).map_or(da, |en| en.min(da));
    let reading = u32::try_from(shortest).unwrap_or(u32::MAX) / SKIM_WORDS_PER_SECOND;
    reading.max(MIN_SECONDS_PER_QUESTION)
}

fn count_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Used by tests and the simulator: the least time a module's question takes to read.
pub fn question_min_seconds(m: &Module, question: usize) -> u32 {
    m.questions.get(question).map_or(0, min_seconds)
}
