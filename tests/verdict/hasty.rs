//! Finding 1: an attempt answered faster than it can be read, from the learner's result to
//! the report's follow-up list.

use std::cell::Cell;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use bevidst::app::runtime::{RecordStore, Services, Stored, dispatch};
use bevidst::app::store::LogStore;
use bevidst::app::{Acceptance, Message, Model, Screen, doc};
use bevidst::attempt::FinishedAttempt;
use bevidst::config::{Config, ConfigError};
use bevidst::lang::Lang;
use bevidst::record::{self, LearnerLog, RecordError};
use bevidst::report::RunOutput;
use bevidst::report::model::{OverdueReason, ProblemKind};
use bevidst::report::render::{followup, markdown};
use bevidst::schedule::State;

use super::{NOW, bundled, config, report_at};

const TODAY: Date = date(2025, 12, 20);

/// Services with a clock that stands still: every quiz is handed in the second it starts.
struct Hasty {
    now: Timestamp,
    rng: ChaCha8Rng,
    store: LogStore,
    reads: Cell<u32>,
}

impl Services for Hasty {
    type Rng = ChaCha8Rng;
    fn now(&self) -> Timestamp {
        self.reads.set(self.reads.get() + 1);
        self.now
    }
    fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }
    fn save_config(&mut self, _: &Config) -> Result<(), ConfigError> {
        Ok(())
    }
    fn save_record(&mut self, attempt: &FinishedAttempt) -> Result<Stored, RecordError> {
        self.store.append(attempt)
    }
}

fn text(paras: &[doc::Para]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_hasty_attempt_is_not_accepted_by_the_learners_program_nor_by_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = dir.path().join("collection");
    std::fs::create_dir_all(&collection).expect("made");
    let (log, _) = LearnerLog::open(
        &record::log_path(&dir.path().join("data")),
        &mut ChaCha8Rng::seed_from_u64(1),
    )
    .expect("the log opens");
    let mut services = Hasty {
        now: Timestamp::from_second(NOW).expect("in range"),
        rng: ChaCha8Rng::seed_from_u64(3),
        store: LogStore {
            log,
            collect_dir: Some(collection.clone()),
            delivery: bevidst::app::delivery::Delivery::Off,
        },
        reads: Cell::new(0),
    };
    let mut model = Model::new(bundled(), config(), Vec::new(), TODAY, "ab12");
    dispatch(&mut model, Message::StartQuiz, &mut services);
    // Every answer right: a pass by the score.
    while let Screen::Quiz(q) = &model.screen {
        let module = &model.courses.modules[q.module].module;
        let item = &q.attempt.items[q.current];
        let right: Vec<usize> = (0..item.order.len())
            .filter(|&p| module.questions[item.question].choices[item.order[p]].correct)
            .collect();
        dispatch(&mut model, Message::Answer(right), &mut services);
        dispatch(&mut model, Message::Confirm, &mut services);
    }
    // The last question leads to the hand-in page; handing in is asked once more.
    dispatch(&mut model, Message::HandIn, &mut services);
    dispatch(&mut model, Message::Yes, &mut services);
    assert!(services.reads.get() >= 2, "start and finish read the clock");
    let Screen::Result(result) = &model.screen else {
        panic!("on the result: {:?}", model.screen);
    };
    assert!(result.outcome.passed, "every answer was right");
    assert!(
        matches!(result.acceptance, Acceptance::NotAccepted(_)),
        "{:?}",
        result.acceptance
    );
    let shown = text(&doc::result(
        &model.courses.modules[0],
        result,
        &model.history,
        Lang::Da,
    ));
    assert!(shown.contains("✗ Ikke godkendt"), "{shown}");
    assert!(!shown.contains("Bestået"), "never »Bestået«: {shown}");
    assert!(shown.contains("forsøget tog 0 s, mindre end"), "{shown}");
    assert!(shown.contains("Du kan tage quizzen igen"), "{shown}");
    assert!(shown.contains("Din kvittering:"), "it is recorded: {shown}");
    // Home: the onboarding is still open (overdue since 5 December), not passed.
    assert!(
        matches!(model.statuses()[0].state, State::Overdue { .. }),
        "{:?}",
        model.statuses()[0]
    );

    // The report over the collection copy agrees, and names the learner in the follow-up.
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "medarbejder,forvaltning,startdato\nab12,Økonomiforvaltningen,2025-11-20\n\
         cd34,Økonomiforvaltningen,2025-11-20\nef56,Økonomiforvaltningen,2025-11-20\n\
         gh78,Økonomiforvaltningen,2025-11-20\nij90,Økonomiforvaltningen,2025-11-20\n",
    )
    .expect("written");
    // Without a roster the start date is the first record's, so the follow-up is asked three
    // weeks later, when the onboarding is overdue by that date too.
    for (roster, now) in [(Some(roster), NOW), (None, NOW + 21 * 86_400)] {
        let with_roster = roster.is_some();
        followed_up_as_not_accepted(&report_at(dir.path(), roster, now), with_roster);
    }
}

/// The report on the hasty attempt's collection: nothing counted, the learner in the
/// completion table as attempted, not accepted, and in the follow-up's overdue list with that
/// reason.
fn followed_up_as_not_accepted(out: &RunOutput, with_roster: bool) {
    let (r, f) = (&out.report, &out.followup);
    assert_eq!(
        (r.counts.records_read, r.counts.records_counted),
        (1, 0),
        "{:?}",
        r.counts
    );
    assert_eq!(f.problems.len(), 1);
    assert_eq!(f.problems[0].kind, ProblemKind::NotAccepted);
    let onboarding = &r.modules[0].id;
    let row = r
        .completion
        .iter()
        .find(|c| {
            c.forvaltning.as_deref() == Some("Økonomiforvaltningen") && &c.module == onboarding
        })
        .expect("the learner's forvaltning and module");
    if with_roster {
        // Five colleagues: one attempted, not accepted; four never started.
        let shown = row.figures.shown().expect("five learners are shown");
        assert_eq!(
            (
                shown.learners,
                shown.started,
                shown.not_accepted,
                shown.passed
            ),
            (5, 0, 1, 0),
            "{row:?}"
        );
        let md = markdown::render(r, Lang::Da);
        assert!(md.contains("Forsøgt, ikke godkendt"), "{md}");
        assert!(
            md.contains(
                "| Økonomiforvaltningen | Velkommen: it-sikkerhed i Københavns Kommune | 5 | 0,0 % | 1 | 0,0 % | 5 |"
            ),
            "{md}"
        );
    } else {
        assert!(
            row.figures.is_withheld(),
            "one learner is below any group size: {row:?}"
        );
    }
    let late: Vec<_> = f
        .overdue
        .iter()
        .filter(|o| &*o.module == onboarding)
        .collect();
    let ab12 = late
        .iter()
        .find(|o| &*o.learner == "ab12")
        .unwrap_or_else(|| panic!("roster {with_roster}: {:?}", f.overdue));
    assert_eq!(ab12.reason, OverdueReason::NotAccepted);
    assert_eq!(ab12.reason.label(Lang::Da), "forsøgt, ikke godkendt");
    assert!(
        late.iter()
            .filter(|o| &*o.learner != "ab12")
            .all(|o| o.reason == OverdueReason::FirstTime),
        "the colleagues never passed: {late:?}"
    );
    let text = followup::render(f, Lang::Da);
    assert!(
        text.lines()
            .any(|l| l.starts_with("| ab12 |") && l.contains("| forsøgt, ikke godkendt |")),
        "{text}"
    );
    assert!(
        f.never_started.iter().all(|p| p.learner != "ab12"),
        "{:?}",
        f.never_started
    );
    assert_eq!(f.never_started.len(), if with_roster { 4 } else { 0 });
}
