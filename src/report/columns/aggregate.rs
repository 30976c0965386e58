//! The column lists of the aggregate tables. The order here is the order in every format.

use super::{Column, Shown, Value, forvaltning, kind, module, text};
use crate::handbook::due::ReviewState;
use crate::lang::Lang;
use crate::report::model::{
    CompletionRow, HandbookReview, KnowledgeRow, ModuleStatsRow, OverviewRow, ProblemCount,
    QuestionRow, RosterProblem, Topic, Trend,
};

fn opt_decimal(v: Option<f64>) -> Value {
    v.map_or(Value::Empty, Value::Decimal)
}

fn opt_share(v: Option<f64>) -> Value {
    v.map_or(Value::Empty, Value::Share)
}

/// A row whose figures privacy may withhold.
pub trait Withholdable {
    /// Whether the row's figures are withheld.
    fn is_withheld(&self) -> bool;
}

macro_rules! withholdable {
    ($($row:ty),*) => {$(
        impl Withholdable for $row {
            fn is_withheld(&self) -> bool {
                self.figures.is_withheld()
            }
        }
    )*};
}
withholdable!(
    CompletionRow,
    KnowledgeRow,
    QuestionRow,
    ModuleStatsRow,
    OverviewRow
);

/// `suppressed`: whether the row's figures are withheld (data formats only; the text formats
/// show each withheld figure as `<5`).
pub(super) const fn suppressed<R: Withholdable>() -> Column<R> {
    Column::new("suppressed", ("Tilbageholdt", "Withheld"), |r: &R, _| {
        Value::Flag(r.is_withheld())
    })
    .only(Shown::DataOnly)
}

/// Completion per forvaltning × module.
pub static COMPLETION: [Column<CompletionRow>; 10] = [
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &CompletionRow, lang| forvaltning(r.forvaltning.as_deref(), lang),
    )
    .key()
    .fill(2),
    Column::new("module", ("Modul", "Module"), |r: &CompletionRow, lang| {
        module(&r.module, &r.module_title, lang)
    })
    .key(),
    suppressed::<CompletionRow>(),
    Column::new(
        "learners",
        ("Medarbejdere", "Learners"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Count(f.learners)),
    )
    .figure(5),
    Column::new("started", ("Startet", "Started"), |r: &CompletionRow, _| {
        r.figures.value(|f| Value::Count(f.started))
    })
    .figure(5)
    .only(Shown::DataOnly),
    Column::new(
        "passed",
        ("Bestået (antal)", "Passed (number)"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Count(f.passed)),
    )
    .figure(5)
    .only(Shown::DataOnly),
    Column::new(
        "completion_rate",
        ("Gennemført", "Completed"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Share(f.completion_rate())),
    )
    .figure(7),
    // Learners who tried, but none of whose attempts the verdict accepted: apart from
    // `started`, and gated with the row like every other count of its learners. Its header
    // leaves no room for the forvaltning and module in the dashboard's 80 columns.
    Column::new(
        "not_accepted",
        ("Forsøgt, ikke godkendt", "Attempted, not accepted"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Count(f.not_accepted)),
    )
    .figure(5)
    .only(Shown::NotOnDashboard),
    Column::new(
        "pass_rate",
        ("Bestået", "Passed"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Share(f.pass_rate())),
    )
    .figure(7),
    Column::new(
        "overdue",
        ("Forsinkede", "Overdue"),
        |r: &CompletionRow, _| r.figures.value(|f| Value::Count(f.overdue)),
    )
    .figure(5),
];

fn topic_kind(t: Topic, lang: Lang) -> Value {
    match t {
        Topic::Area(_) => Value::Label {
            shown: lang.pick("område", "area").to_owned(),
            data: "area".to_owned(),
        },
        Topic::Goal(_) => Value::Label {
            shown: lang.pick("mål", "goal").to_owned(),
            data: "goal".to_owned(),
        },
    }
}

fn topic_ident(t: Topic) -> &'static str {
    match t {
        Topic::Area(a) => a.ident(),
        Topic::Goal(g) => match g {
            crate::policy::Goal::Confidentiality => "Confidentiality",
            crate::policy::Goal::Integrity => "Integrity",
            crate::policy::Goal::Availability => "Availability",
        },
    }
}

pub(super) fn trend(t: Option<Trend>) -> Value {
    match t {
        None => Value::Empty,
        Some(t) => Value::Label {
            shown: t.arrow().to_owned(),
            data: match t {
                Trend::Up => "up",
                Trend::Flat => "flat",
                Trend::Down => "down",
            }
            .to_owned(),
        },
    }
}

/// Knowledge per (forvaltning or all) × topic × quarter.
pub static KNOWLEDGE: [Column<KnowledgeRow>; 10] = [
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &KnowledgeRow, lang| forvaltning(r.forvaltning.as_deref(), lang),
    )
    .key()
    .fill(2),
    Column::new("kind", ("Slags", "Kind"), |r: &KnowledgeRow, lang| {
        topic_kind(r.topic, lang)
    })
    .key()
    .only(Shown::DataOnly),
    Column::new("topic", ("Emne", "Topic"), |r: &KnowledgeRow, lang| {
        Value::Label {
            shown: r.topic.name(lang).to_owned(),
            data: topic_ident(r.topic).to_owned(),
        }
    })
    .key()
    .fill(2),
    Column::new("quarter", ("Kvartal", "Quarter"), |r: &KnowledgeRow, _| {
        text(&r.quarter)
    })
    .key()
    .fixed(7),
    suppressed::<KnowledgeRow>(),
    Column::new(
        "learners",
        ("Medarbejdere", "Learners"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Count(f.learners)),
    )
    .figure(5),
    Column::new(
        "share",
        ("Andel rigtige", "Share correct"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Share(f.share)),
    )
    .figure(7),
    // The range the share would likely fall in with other learners of the same kind; the
    // arrow is drawn only when the change is larger than such noise (`report::trend`).
    Column::new(
        "interval_low",
        ("95 %-interval fra", "95% interval from"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Share(f.interval.0)),
    )
    .figure(7)
    .only(Shown::NotOnDashboard),
    Column::new(
        "interval_high",
        ("95 %-interval til", "95% interval to"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Share(f.interval.1)),
    )
    .figure(7)
    .only(Shown::NotOnDashboard),
    Column::new("trend", ("Udvikling", "Trend"), |r: &KnowledgeRow, _| {
        r.figures.value(|f| trend(f.trend))
    })
    .figure(3),
];

/// Item statistics per question.
pub static QUESTIONS: [Column<QuestionRow>; 10] = [
    Column::new(
        "question",
        ("Spørgsmål", "Question"),
        |r: &QuestionRow, _| text(&r.id),
    )
    .key()
    .fixed(14),
    Column::new("module", ("Modul", "Module"), |r: &QuestionRow, lang| {
        module(&r.module, &r.module_title, lang)
    })
    .key()
    .only(Shown::NotOnDashboard),
    Column::new("area", ("Område", "Area"), |r: &QuestionRow, lang| {
        Value::Label {
            shown: r.area.name(lang).to_owned(),
            data: r.area.ident().to_owned(),
        }
    })
    .key()
    .only(Shown::DataOnly),
    Column::new("text", ("Tekst", "Text"), |r: &QuestionRow, lang| {
        text(r.prompt.get(lang))
    })
    .fill(2),
    suppressed::<QuestionRow>(),
    Column::new("n", ("n", "n"), |r: &QuestionRow, _| {
        r.figures.value(|f| Value::Count(f.n))
    })
    .figure(4),
    // Higher is easier: the facility index is the share who answer correctly.
    Column::new(
        "facility",
        (
            "Andel rigtige (højere = lettere)",
            "Share correct (higher = easier)",
        ),
        |r: &QuestionRow, _| r.figures.value(|f| opt_share(f.facility)),
    )
    .figure(7)
    .short("Rigtige", "Correct"),
    Column::new(
        "discrimination",
        ("Diskrimination", "Discrimination"),
        |r: &QuestionRow, _| r.figures.value(|f| opt_decimal(f.discrimination)),
    )
    .figure(5)
    .short("Diskr.", "Discr."),
    Column::new("flags", ("Markering", "Flag"), |r: &QuestionRow, lang| {
        r.figures.value(|f| {
            if f.flags.is_empty() {
                return Value::Label {
                    shown: String::new(),
                    data: String::new(),
                };
            }
            let words = |l: Lang| f.flags.iter().map(|x| x.label(l)).collect::<Vec<_>>();
            Value::Label {
                shown: format!("⚑ {}", words(lang).join(", ")),
                data: words(Lang::En).join(";"),
            }
        })
    })
    .fixed(8),
    Column::new(
        "advice",
        ("Hvad betyder det", "What it means"),
        |r: &QuestionRow, lang| {
            r.figures.value(|f| {
                text(
                    &f.flags
                        .iter()
                        .map(|x| x.explain(lang))
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
        },
    )
    .only(Shown::NotOnDashboard),
];

/// Test statistics per module.
pub static MODULE_STATS: [Column<ModuleStatsRow>; 6] = [
    Column::new("module", ("Modul", "Module"), |r: &ModuleStatsRow, lang| {
        module(&r.module, &r.module_title, lang)
    })
    .key(),
    suppressed::<ModuleStatsRow>(),
    Column::new("n", ("n", "n"), |r: &ModuleStatsRow, _| {
        r.figures.value(|f| Value::Count(f.n))
    })
    .figure(5),
    Column::new("mean", ("Middel", "Mean"), |r: &ModuleStatsRow, _| {
        r.figures.value(|f| opt_share(f.mean))
    })
    .figure(7),
    Column::new("sd", ("Spredning", "SD"), |r: &ModuleStatsRow, _| {
        r.figures.value(|f| opt_share(f.sd))
    })
    .figure(7)
    .only(Shown::NotOnDashboard),
    Column::new(
        "alpha",
        ("Cronbach α", "Cronbach α"),
        |r: &ModuleStatsRow, _| r.figures.value(|f| opt_decimal(f.alpha)),
    )
    .figure(5),
];

/// Problems by kind per forvaltning.
pub static PROBLEM_COUNTS: [Column<ProblemCount>; 4] = [
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &ProblemCount, lang| match &r.forvaltning {
            Some(f) => text(f),
            None => Value::Label {
                shown: lang
                    .pick("ukendt eller for lille", "unknown or too small")
                    .to_owned(),
                data: String::new(),
            },
        },
    )
    .key()
    .fill(2),
    Column::new("kind", ("Slags", "Kind"), |r: &ProblemCount, lang| {
        kind(r.kind, lang)
    })
    .key()
    .fill(1),
    Column::new("problems", ("Antal", "Count"), |r: &ProblemCount, _| {
        Value::Count(r.problems)
    })
    .figure(6),
    Column::new(
        "records",
        ("Poster ikke talt med", "Records not counted"),
        |r: &ProblemCount, _| Value::Count(r.records),
    )
    .figure(6)
    .short("Poster", "Records"),
];

/// Roster problems by roster line.
pub static ROSTER_PROBLEMS: [Column<RosterProblem>; 2] = [
    Column::new(
        "line",
        ("Linje i medarbejderlisten", "Roster line"),
        |r: &RosterProblem, _| r.line.map_or(Value::Empty, Value::Count),
    )
    .key()
    .figure(5),
    Column::new("message", ("Hvad", "What"), |r: &RosterProblem, _| {
        text(&r.message)
    })
    .fill(3),
];

/// Each handbook document's own review (policy 1.8).
pub static HANDBOOK_REVIEWS: [Column<HandbookReview>; 4] = [
    Column::new(
        "document",
        ("Dokument", "Document"),
        |r: &HandbookReview, lang| text(lang.pick(&r.name.0, &r.name.1)),
    )
    .key()
    .fill(2),
    Column::new(
        "revised",
        ("Senest revideret", "Last revised"),
        |r: &HandbookReview, _| text(&r.due.revised.to_string()),
    ),
    Column::new(
        "next_review",
        ("Næste revurdering senest", "Next review due by"),
        |r: &HandbookReview, _| text(&r.due.due.to_string()),
    ),
    Column::new("state", ("Status", "State"), |r: &HandbookReview, lang| {
        let (da, en, data) = match r.due.state {
            ReviewState::Later => ("i tide", "on time", "later"),
            ReviewState::Soon => ("snart", "soon", "soon"),
            ReviewState::Overdue { .. } => ("FORSINKET", "OVERDUE", "overdue"),
        };
        Value::Label {
            shown: lang.pick(da, en).to_owned(),
            data: data.to_owned(),
        }
    }),
];
