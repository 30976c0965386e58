//! The column list of every row type. The order here is the order in every format.

use super::{Column, Shown, Value};
use crate::lang::Lang;
use crate::report::model::{
    CompletionRow, KnowledgeRow, ModuleStatsRow, OverdueReason, OverdueRow, PersonRow, Problem,
    QuestionRow, Topic, Trend,
};

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

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
withholdable!(CompletionRow, KnowledgeRow, QuestionRow, ModuleStatsRow);

/// `suppressed`: whether the row's figures are withheld (data formats only; the text formats
/// show each withheld figure as `<5`).
const fn suppressed<R: Withholdable>() -> Column<R> {
    Column::new("suppressed", ("Tilbageholdt", "Withheld"), |r: &R, _| {
        Value::Flag(r.is_withheld())
    })
    .only(Shown::DataOnly)
}

/// Completion per forvaltning × module.
pub static COMPLETION: [Column<CompletionRow>; 9] = [
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &CompletionRow, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    Column::new("module", ("Modul", "Module"), |r: &CompletionRow, _| {
        text(&r.module)
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

fn trend(t: Option<Trend>) -> Value {
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
        |r: &KnowledgeRow, lang| match &r.forvaltning {
            Some(f) => text(f),
            None => Value::Label {
                shown: lang
                    .pick("Alle forvaltninger", "All forvaltninger")
                    .to_owned(),
                data: "*".to_owned(),
            },
        },
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
        "correct",
        ("Rigtige svar", "Correct answers"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Count(f.correct)),
    )
    .figure(6)
    .only(Shown::DataOnly),
    Column::new("asked", ("Svar", "Answers"), |r: &KnowledgeRow, _| {
        r.figures.value(|f| Value::Count(f.asked))
    })
    .figure(6)
    .only(Shown::DataOnly),
    Column::new(
        "share",
        ("Andel rigtige", "Share correct"),
        |r: &KnowledgeRow, _| r.figures.value(|f| Value::Share(f.share())),
    )
    .figure(7),
    Column::new("trend", ("Udvikling", "Trend"), |r: &KnowledgeRow, _| {
        r.figures.value(|f| trend(f.trend))
    })
    .figure(3),
];

/// Item statistics per question.
pub static QUESTIONS: [Column<QuestionRow>; 8] = [
    Column::new(
        "question",
        ("Spørgsmål", "Question"),
        |r: &QuestionRow, _| text(&r.id),
    )
    .key(),
    Column::new("module", ("Modul", "Module"), |r: &QuestionRow, _| {
        text(&r.module)
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
    suppressed::<QuestionRow>(),
    Column::new("n", ("n", "n"), |r: &QuestionRow, _| {
        r.figures.value(|f| Value::Count(f.n))
    })
    .figure(5),
    Column::new(
        "facility",
        ("Andel rigtige", "Facility"),
        |r: &QuestionRow, _| r.figures.value(|f| opt_share(f.facility)),
    )
    .figure(7),
    Column::new(
        "discrimination",
        ("Diskrimination", "Discrimination"),
        |r: &QuestionRow, _| r.figures.value(|f| opt_decimal(f.discrimination)),
    )
    .figure(5),
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
    }),
];

/// Test statistics per module.
pub static MODULE_STATS: [Column<ModuleStatsRow>; 6] = [
    Column::new("module", ("Modul", "Module"), |r: &ModuleStatsRow, _| {
        text(&r.module)
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

fn reason(r: OverdueReason, lang: Lang) -> Value {
    Value::Label {
        shown: r.label(lang).to_owned(),
        data: match r {
            OverdueReason::FirstTime => "first_time",
            OverdueReason::Renewal => "renewal",
            OverdueReason::NewVersion => "new_version",
        }
        .to_owned(),
    }
}

/// Who is overdue with what.
pub static OVERDUE: [Column<OverdueRow>; 5] = [
    Column::new(
        "employee_id",
        ("Medarbejder", "Employee"),
        |r: &OverdueRow, _| text(&r.learner),
    )
    .key()
    .fixed(12),
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &OverdueRow, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    Column::new("module", ("Modul", "Module"), |r: &OverdueRow, _| {
        text(&r.module)
    })
    .key(),
    Column::new("overdue_since", ("Siden", "Since"), |r: &OverdueRow, _| {
        Value::Text(r.since.to_string())
    })
    .fixed(10),
    Column::new("reason", ("Hvorfor", "Why"), |r: &OverdueRow, lang| {
        reason(r.reason, lang)
    })
    .fixed(15),
];

/// Roster employees with no record.
pub static NEVER_STARTED: [Column<PersonRow>; 3] = [
    Column::new(
        "employee_id",
        ("Medarbejder", "Employee"),
        |r: &PersonRow, _| text(&r.learner),
    )
    .key()
    .fixed(12),
    Column::new(
        "forvaltning",
        ("Forvaltning", "Forvaltning"),
        |r: &PersonRow, _| text(&r.forvaltning),
    )
    .key()
    .fill(2),
    Column::new(
        "start_date",
        ("Startdato", "Start date"),
        |r: &PersonRow, _| text(&r.start),
    )
    .fixed(10),
];

/// Files, records and roster rows not counted.
pub static PROBLEMS: [Column<Problem>; 5] = [
    Column::new("path", ("Fil", "File"), |r: &Problem, _| text(&r.path))
        .key()
        .fill(2),
    Column::new("line", ("Linje", "Line"), |r: &Problem, _| {
        r.line.map_or(Value::Empty, Value::Count)
    })
    .figure(5),
    Column::new("kind", ("Slags", "Kind"), |r: &Problem, lang| {
        Value::Label {
            shown: r.kind.label(lang).to_owned(),
            data: r.kind.label(Lang::En).to_owned(),
        }
    })
    .fill(1),
    Column::new("records", ("Poster", "Records"), |r: &Problem, _| {
        Value::Count(r.records)
    })
    .figure(6),
    Column::new("message", ("Hvad", "What"), |r: &Problem, _| {
        text(&r.message)
    })
    .only(Shown::NotOnDashboard),
];
