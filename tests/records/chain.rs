//! Property tests of the hash chain: a valid log verifies, and any single-byte change, any
//! deleted, duplicated, reordered or inserted line is detected. Cutting off the last record
//! leaves a shorter valid chain; that is detected against the anchor (the head seen before),
//! as the report does.

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::policy::Area;
use bevidst::record::{
    CompletionRecord, Head, InstallationId, VerifyOutcome, header_line, verify_reader,
};
use proptest::prelude::*;

const FORVALTNINGER: [&str; 7] = [
    "Økonomiforvaltningen",
    "Kultur- og Fritidsforvaltningen",
    "Børne- og Ungdomsforvaltningen",
    "Sundheds- og Omsorgsforvaltningen",
    "Socialforvaltningen",
    "Teknik- og Miljøforvaltningen",
    "Beskæftigelses- og Integrationsforvaltningen",
];

fn answer() -> impl Strategy<Value = AnsweredQuestion> {
    ("[a-z0-9]{1,8}-[0-9]{2}", 0..Area::ALL.len(), any::<bool>()).prop_map(|(id, area, correct)| {
        AnsweredQuestion {
            id,
            area: Area::ALL[area],
            correct,
        }
    })
}

fn draft() -> impl Strategy<Value = FinishedAttempt> {
    (
        "[0-9]{7}",
        0..FORVALTNINGER.len(),
        "[a-z][a-z0-9._-]{0,20}",
        1u32..5,
        any::<[u8; 32]>(),
        0u64..4_000_000_000,
        0u64..100_000,
        prop::collection::vec(answer(), 1..12),
        any::<bool>(),
    )
        .prop_map(
            |(learner, f, module, module_version, content_hash, started, took, answers, passed)| {
                let score =
                    u32::try_from(answers.iter().filter(|a| a.correct).count()).unwrap_or_default();
                let max = u32::try_from(answers.len()).unwrap_or_default();
                FinishedAttempt {
                    learner,
                    forvaltning: FORVALTNINGER[f].to_owned(),
                    module,
                    module_version,
                    content_hash,
                    started,
                    finished: started + took,
                    score,
                    max,
                    passed,
                    answers,
                }
            },
        )
}

/// A valid log as lines (header first), built in memory the way the store builds it.
fn log_lines(installation: InstallationId, drafts: Vec<FinishedAttempt>) -> Vec<String> {
    let mut lines = vec![header_line(installation)];
    let mut prev = [0u8; 32];
    for (i, d) in drafts.into_iter().enumerate() {
        let seq = u64::try_from(i).unwrap_or_default() + 1;
        let r = CompletionRecord::seal(d, installation, seq, prev).expect("valid draft");
        prev = r.hash;
        lines.push(r.to_line());
    }
    lines
}

fn log() -> impl Strategy<Value = Vec<String>> {
    (any::<[u8; 16]>(), prop::collection::vec(draft(), 1..7))
        .prop_map(|(id, drafts)| log_lines(InstallationId(id), drafts))
}

fn verify(bytes: &[u8]) -> VerifyOutcome {
    verify_reader(bytes, |_| {})
}

fn join(lines: &[String]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|l| l.bytes().chain([b'\n']))
        .collect()
}

/// What the report's anchor check asks: does this log extend the head seen before?
fn extends(outcome: &VerifyOutcome, anchor: &Head) -> bool {
    outcome.is_ok()
        && outcome.head.is_some_and(|h| {
            h.installation == anchor.installation
                && (h.last_seq > anchor.last_seq
                    || (h.last_seq == anchor.last_seq && h.last_hash == anchor.last_hash))
        })
}

proptest! {
    #[test]
    fn a_valid_log_verifies_and_yields_every_record(lines in log()) {
        let mut seen = 0u64;
        let outcome = verify_reader(join(&lines).as_slice(), |r| {
            seen += 1;
            assert_eq!(r.seq, seen);
        });
        prop_assert!(outcome.is_ok(), "{:?}", outcome.bad);
        prop_assert_eq!(outcome.records, lines.len() as u64 - 1);
        prop_assert_eq!(seen, outcome.records);
    }

    #[test]
    fn any_single_byte_change_is_detected(
        lines in log(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = join(&lines);
        let i = at.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        let outcome = verify(&bytes);
        prop_assert!(!outcome.is_ok(), "byte {} changed to {:#04x} went unnoticed", i, byte);
    }

    #[test]
    fn any_deleted_line_is_detected(lines in log(), at in any::<prop::sample::Index>()) {
        let anchor = verify(&join(&lines)).head.expect("valid");
        let i = at.index(lines.len());
        let mut cut = lines.clone();
        cut.remove(i);
        let outcome = verify(&join(&cut));
        if i + 1 < lines.len() {
            prop_assert!(!outcome.is_ok(), "deleting line {} went unnoticed", i + 1);
        } else {
            // The last record gone: a shorter, valid chain that no longer reaches the anchor.
            prop_assert!(!extends(&outcome, &anchor));
        }
    }

    #[test]
    fn any_duplicated_line_is_detected(
        lines in log(),
        from in any::<prop::sample::Index>(),
        to in any::<prop::sample::Index>(),
    ) {
        let line = lines[from.index(lines.len())].clone();
        let mut doubled = lines.clone();
        doubled.insert(to.index(lines.len() + 1), line);
        prop_assert!(!verify(&join(&doubled)).is_ok());
    }

    #[test]
    fn any_reordering_is_detected(
        lines in log(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let (a, b) = (a.index(lines.len()), b.index(lines.len()));
        prop_assume!(lines[a] != lines[b]);
        let mut swapped = lines.clone();
        swapped.swap(a, b);
        prop_assert!(!verify(&join(&swapped)).is_ok());
    }

    #[test]
    fn any_inserted_line_is_detected(
        lines in log(),
        other in log(),
        pick in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
    ) {
        // A line that is valid on its own, from another log, anywhere in this one.
        let foreign = other[pick.index(other.len())].clone();
        let mut grown = lines.clone();
        grown.insert(at.index(lines.len() + 1), foreign);
        prop_assert!(!verify(&join(&grown)).is_ok());
    }

    #[test]
    fn records_never_hold_more_than_the_draft(d in draft()) {
        let r = CompletionRecord::seal(d.clone(), InstallationId([1; 16]), 1, [0; 32])
            .expect("valid draft");
        prop_assert_eq!(&r.attempt.answers, &d.answers);
        prop_assert_eq!(r.attempt.score, d.score);
        let line = r.to_line();
        prop_assert!(!line.contains('\n'));
        // The hand-written line is what ron itself writes, so ron reads it back unchanged.
        prop_assert_eq!(&ron::to_string(&r).expect("encodes"), &line);
        prop_assert!(line.len() < bevidst::record::MAX_LINE_BYTES);
    }
}

#[test]
fn the_first_bad_line_is_named_with_its_reason() {
    let drafts = (1..=4).map(|n| super::draft(n, "1234567")).collect();
    let lines = log_lines(InstallationId([5; 16]), drafts);
    let mut swapped = lines.clone();
    swapped.swap(2, 3);
    let bad = verify(&join(&swapped)).bad.expect("detected");
    assert_eq!(bad.line, 3);
    assert_eq!(
        bad.problem,
        bevidst::record::Problem::SequenceGap {
            expected: 2,
            found: 3
        }
    );
    let mut cut = join(&lines);
    cut.truncate(cut.len() - 10);
    let outcome = verify(&cut);
    assert_eq!(
        outcome.bad.map(|b| (b.line, b.problem)),
        Some((5, bevidst::record::Problem::Torn))
    );
    assert_eq!(
        outcome.records, 3,
        "the records before the torn line still count"
    );
}

#[test]
fn records_spliced_from_a_forked_copy_break_the_link() {
    // A learner copies their log, takes quizzes in both copies, and splices the best results:
    // installation and sequence numbers fit, only the link to the previous record does not.
    let installation = InstallationId([6; 16]);
    let d = |n| super::draft(n, "1234567");
    let fork_a = log_lines(installation, vec![d(1), d(2), d(3)]);
    let fork_b = log_lines(installation, vec![d(1), d(12), d(13)]);
    let spliced = vec![
        fork_a[0].clone(),
        fork_a[1].clone(),
        fork_a[2].clone(),
        fork_b[3].clone(),
    ];
    let bad = verify(&join(&spliced)).bad.expect("detected");
    assert_eq!(bad.line, 4);
    assert_eq!(bad.problem, bevidst::record::Problem::BrokenLink);
}
