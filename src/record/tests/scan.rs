//! The scanner against ron: on every line the writer can produce (valid records and records
//! that break a rule), and on those lines mutated, reading through the fast path gives exactly
//! what ron's full check gives, record or problem. Valid records never fall back to ron.

use proptest::prelude::*;

use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::policy::Area;
use crate::record::encode::{parse_record_into, parse_with_ron};
use crate::record::model::CheckedForvaltning;
use crate::record::scan::{blank, scan_record};
use crate::record::{CompletionRecord, InstallationId, Problem};

const FORVALTNINGER: [&str; 4] = [
    "Økonomiforvaltningen",
    "Børne- og Ungdomsforvaltningen",
    "Teknik- og Miljøforvaltningen (TMF), Center for Byudvikling & Drift/Vej.",
    "Beskæftigelses- og Integrationsforvaltningen",
];

/// The reference: what the reader said about a line before the scanner existed.
fn with_ron(line: &[u8]) -> Result<CompletionRecord, Problem> {
    let text = std::str::from_utf8(line).map_err(|_| Problem::NotUtf8)?;
    parse_with_ron(text)
}

/// The fast path, reading into `record` (which may hold an earlier line) with `checked`.
fn fast(
    line: &[u8],
    record: &mut CompletionRecord,
    checked: &mut CheckedForvaltning,
) -> Result<CompletionRecord, Problem> {
    parse_record_into(line, record, checked).map(|()| record.clone())
}

/// Ids as the rules want them, or any text at all (quotes, backslashes, controls, non-ASCII).
fn text(valid: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![4 => valid, 1 => ".{0,8}", 1 => "[\"\\\\'\t a-zæ\u{202e}\u{301}]{0,6}"]
}

fn answer() -> impl Strategy<Value = AnsweredQuestion> {
    (
        text("[a-z0-9]{1,8}-[0-9]{2}"),
        0..Area::ALL.len(),
        any::<bool>(),
    )
        .prop_map(|(id, area, correct)| AnsweredQuestion {
            id,
            area: Area::ALL[area],
            correct,
        })
}

fn number() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0), Just(u64::MAX), 0u64..4_000_000_000, any::<u64>()]
}

/// A record as the writer may be asked to write it: mostly sealed and valid, sometimes with
/// a field that breaks a rule, a count that does not add up, or a hash that does not match.
fn record() -> impl Strategy<Value = (CompletionRecord, bool)> {
    let forvaltning = prop_oneof![
        4 => (0..FORVALTNINGER.len()).prop_map(|i| FORVALTNINGER[i].to_owned()),
        1 => text("[A-ZÆØÅ][a-zæøå]{0,12}"),
    ];
    (
        (
            prop_oneof![8 => Just(1u32), 1 => 0u32..3],
            any::<[u8; 16]>(),
            prop_oneof![8 => 1u64..1_000, 1 => number()],
            text("[0-9]{7}"),
            forvaltning,
            text("[a-z][a-z0-9._-]{0,20}"),
            prop_oneof![8 => 1u32..5, 1 => any::<u32>()],
        ),
        (
            any::<[u8; 32]>(),
            number(),
            0u64..100_000,
            prop::collection::vec(answer(), 0..12),
            any::<bool>(),
            prop_oneof![8 => Just("0.1.0".to_owned()), 1 => text("[0-9.+a-z-]{1,9}")],
            any::<[u8; 32]>(),
            prop_oneof![8 => Just(None), 1 => any::<[u8; 32]>().prop_map(Some)],
            prop_oneof![8 => Just(None), 1 => any::<u32>().prop_map(Some)],
        ),
    )
        .prop_map(
            |(
                (format, installation, seq, learner, forvaltning, module, module_version),
                (content_hash, started, took, answers, passed, program, prev, hash, score),
            )| {
                let right = u32::try_from(answers.iter().filter(|a| a.correct).count());
                let mut r = CompletionRecord {
                    format,
                    installation: InstallationId(installation),
                    seq,
                    attempt: FinishedAttempt {
                        learner,
                        forvaltning,
                        module,
                        module_version,
                        content_hash,
                        started,
                        finished: started.saturating_add(took),
                        score: score.unwrap_or(right.unwrap_or_default()),
                        max: u32::try_from(answers.len()).unwrap_or_default(),
                        passed,
                        answers,
                    },
                    program,
                    prev,
                    hash: [0; 32],
                };
                r.hash = hash.unwrap_or_else(|| r.compute_hash());
                let valid = r.check_fields().is_ok() && hash.is_none();
                (r, valid)
            },
        )
}

/// One edit of a line: replace, insert or delete a byte; respell right after punctuation
/// (a leading zero, a sign, a space, a quote); or change a letter's case.
#[derive(Debug, Clone)]
enum Edit {
    Replace(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
    AfterPunctuation(prop::sample::Index, u8),
    Case(prop::sample::Index),
}

/// Bytes that matter to the grammar, and any byte at all.
fn byte() -> impl Strategy<Value = u8> {
    const SPECIAL: &[u8] = b"\"\\,:()[] 0123456789abcdefABCDEFtruefalsxyz_.-\n\t\x00\xc3\xb8\xff";
    prop_oneof![
        3 => (0..SPECIAL.len()).prop_map(|i| SPECIAL[i]),
        1 => any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), byte()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<prop::sample::Index>(), byte()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
        (any::<prop::sample::Index>(), 0..7usize)
            .prop_map(|(i, b)| Edit::AfterPunctuation(i, b"0 +-_\"\\"[b])),
        any::<prop::sample::Index>().prop_map(Edit::Case),
    ]
}

fn apply(line: &mut Vec<u8>, edit: &Edit) {
    match edit {
        Edit::Replace(i, b) if !line.is_empty() => {
            let i = i.index(line.len());
            line[i] = *b;
        }
        Edit::Insert(i, b) => {
            let i = i.index(line.len() + 1);
            line.insert(i, *b);
        }
        Edit::Delete(i) if !line.is_empty() => {
            let i = i.index(line.len());
            line.remove(i);
        }
        Edit::AfterPunctuation(i, b) => {
            let at: Vec<usize> = (0..line.len())
                .filter(|&j| b":,([\"".contains(&line[j]))
                .collect();
            if !at.is_empty() {
                line.insert(at[i.index(at.len())] + 1, *b);
            }
        }
        Edit::Case(i) if !line.is_empty() => {
            let i = i.index(line.len());
            let b = line[i];
            line[i] = if b.is_ascii_lowercase() {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            };
        }
        Edit::Replace(..) | Edit::Delete(_) | Edit::Case(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_written_line_reads_as_ron_reads_it((r, valid) in record()) {
        let line = r.to_line();
        let expected = with_ron(line.as_bytes());
        let got = fast(line.as_bytes(), &mut blank(), &mut CheckedForvaltning::default());
        prop_assert_eq!(&got, &expected);
        if valid {
            // A good line never needs ron.
            let mut scanned = blank();
            prop_assert!(scan_record(&line, &mut scanned), "refused: {}", line);
            prop_assert_eq!(&scanned, &r);
            prop_assert_eq!(got, Ok(r));
        }
    }

    #[test]
    fn every_mutated_line_reads_as_ron_reads_it(
        (r, _) in record(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let line = r.to_line();
        let mut mutated = line.clone().into_bytes();
        for e in &edits {
            apply(&mut mutated, e);
        }
        // The reader's buffers and its checked forvaltning come from the line before.
        let mut record = blank();
        let mut checked = CheckedForvaltning::default();
        let _ = fast(line.as_bytes(), &mut record, &mut checked);
        let got = fast(&mutated, &mut record, &mut checked);
        prop_assert_eq!(got, with_ron(&mutated), "{}", String::from_utf8_lossy(&mutated));
    }
}

#[test]
fn a_reused_record_drops_the_answers_of_a_longer_line() {
    let mut long = blank();
    let mut checked = CheckedForvaltning::default();
    let sealed = |answers: usize| {
        let attempt = FinishedAttempt {
            learner: "1234567".into(),
            forvaltning: FORVALTNINGER[0].into(),
            module: "m".into(),
            module_version: 1,
            content_hash: [3; 32],
            started: 10,
            finished: 20,
            score: 0,
            max: u32::try_from(answers).expect("small"),
            passed: false,
            answers: (0..answers)
                .map(|i| AnsweredQuestion {
                    id: format!("q-{i}"),
                    area: Area::ALL[i % Area::ALL.len()],
                    correct: false,
                })
                .collect(),
        };
        CompletionRecord::seal(attempt, InstallationId([9; 16]), 1, [0; 32]).expect("valid")
    };
    let (ten, two) = (sealed(10), sealed(2));
    assert_eq!(
        fast(ten.to_line().as_bytes(), &mut long, &mut checked),
        Ok(ten)
    );
    assert_eq!(
        fast(two.to_line().as_bytes(), &mut long, &mut checked),
        Ok(two)
    );
}

/// A log of up to five records from [`record`] sealed into one chain (those whose fields the
/// writer refuses are left out), its bytes edited, cut short or given a crash's zero bytes.
fn log_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(record(), 1..6),
        prop::collection::vec(edit(), 0..3),
        prop_oneof![4 => Just(None), 1 => any::<prop::sample::Index>().prop_map(Some)],
        prop_oneof![4 => Just(0usize), 1 => 1usize..40],
        prop_oneof![2 => Just(None), 1 => (any::<prop::sample::Index>(), byte()).prop_map(Some)],
    )
        .prop_map(|(records, edits, cut, zeros, before_break)| {
            let installation = InstallationId([3; 16]);
            let mut log = crate::record::header_line(installation) + "\n";
            let mut prev = [0u8; 32];
            let mut seq = 0;
            for (r, _) in records {
                if let Ok(sealed) = CompletionRecord::seal(r.attempt, installation, seq + 1, prev) {
                    seq += 1;
                    prev = sealed.hash;
                    log.push_str(&sealed.to_line());
                    log.push('\n');
                }
            }
            let mut bytes = log.into_bytes();
            for e in &edits {
                apply(&mut bytes, e);
            }
            // A byte between a line's end and its line break.
            if let Some((i, b)) = before_break {
                let breaks: Vec<usize> = (0..bytes.len()).filter(|&j| bytes[j] == b'\n').collect();
                if !breaks.is_empty() {
                    bytes.insert(breaks[i.index(breaks.len())], b);
                }
            }
            if let Some(at) = cut {
                bytes.truncate(at.index(bytes.len() + 1));
            }
            bytes.resize(bytes.len() + zeros, 0);
            bytes
        })
}

/// Every record and the outcome of reading `bytes` through a buffer of `capacity` bytes.
fn read_log(
    bytes: &[u8],
    capacity: usize,
) -> (Vec<CompletionRecord>, crate::record::VerifyOutcome) {
    let mut records = Vec::new();
    let outcome =
        crate::record::verify_reader(std::io::BufReader::with_capacity(capacity, bytes), |r| {
            records.push(r.clone());
        });
    (records, outcome)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The log reader takes a good line straight from its read buffer when it lies there
    /// whole; through a buffer too small to hold any line it reads every line the full way.
    /// Both give the same records and the same first bad line, and so does a buffer that cuts
    /// lines anywhere.
    #[test]
    fn a_log_reads_the_same_from_its_buffer_as_line_by_line(bytes in log_bytes(), small in 8usize..600) {
        let whole = read_log(&bytes, 1 << 16);
        prop_assert_eq!(&read_log(&bytes, 8), &whole);
        prop_assert_eq!(&read_log(&bytes, small), &whole);
    }
}
