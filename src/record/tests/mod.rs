//! Unit tests of the record store: the golden vector, line parsing, field rules, and the
//! write paths with injected failures (a full disk) that integration tests cannot reach.

mod scan;
mod store;

use super::encode::{parse_header, parse_record};
use super::*;
use crate::attempt::{AnsweredQuestion, FinishedAttempt};
use crate::message::Bilingual as _;
use crate::policy::Area;

/// The golden record. Its hash was computed independently (Python `hashlib`, bytes laid out
/// by hand from the table in `encode.rs`), so the documentation and the code agree.
fn golden() -> CompletionRecord {
    CompletionRecord {
        format: 1,
        installation: InstallationId([0x11; 16]),
        seq: 1,
        attempt: FinishedAttempt {
            learner: "1234567".into(),
            forvaltning: "Børne- og Ungdomsforvaltningen".into(),
            module: "eksempel".into(),
            module_version: 1,
            content_hash: [0xab; 32],
            started: 1_735_725_600,
            finished: 1_735_726_200,
            score: 1,
            max: 2,
            passed: false,
            answers: vec![
                AnsweredQuestion {
                    id: "eksempel-01".into(),
                    area: Area::AccessControl,
                    correct: true,
                },
                AnsweredQuestion {
                    id: "eksempel-02".into(),
                    area: Area::IncidentManagement,
                    correct: false,
                },
            ],
        },
        program: "0.1.0".into(),
        prev: [0; 32],
        hash: crate::canon::parse_hex32(GOLDEN_HASH).expect("the pinned hash is 64 hex digits"),
    }
}

const GOLDEN_HASH: &str = "cf025f070c79b038d454edb432e606829c032927e77564d55cc4ca1ba0aa4284";
const GOLDEN_LINE: &str = "(format:1,installation:\"11111111111111111111111111111111\",seq:1,\
learner:\"1234567\",forvaltning:\"Børne- og Ungdomsforvaltningen\",module:\"eksempel\",\
module_version:1,content_hash:\"abababababababababababababababababababababababababababababababab\",\
started:1735725600,finished:1735726200,score:1,max:2,passed:false,program:\"0.1.0\",\
answers:[(id:\"eksempel-01\",area:AccessControl,correct:true),(id:\"eksempel-02\",\
area:IncidentManagement,correct:false)],\
prev:\"0000000000000000000000000000000000000000000000000000000000000000\",\
hash:\"cf025f070c79b038d454edb432e606829c032927e77564d55cc4ca1ba0aa4284\")";

#[test]
fn golden_vector_hash_line_and_receipt_are_pinned() {
    let r = golden();
    assert_eq!(crate::canon::hex(&r.compute_hash()), GOLDEN_HASH);
    assert_eq!(r.to_line(), GOLDEN_LINE);
    assert_eq!(ron::to_string(&r).expect("encodes"), GOLDEN_LINE);
    assert_eq!(parse_record(GOLDEN_LINE), Ok(r.clone()));
    assert_eq!(receipt(&r.hash), "CF02-5F07-0C79");
    let header = LogHeader {
        log: LOG_NAME.into(),
        format: 1,
        installation: InstallationId([0x11; 16]),
    };
    assert_eq!(
        ron::to_string(&header).expect("encodes"),
        header_line(header.installation)
    );
    assert_eq!(
        header_line(InstallationId([0x11; 16])),
        "(log:\"bevidst-completion-log\",format:1,installation:\"11111111111111111111111111111111\")"
    );
}

#[test]
fn every_field_is_in_the_hash() {
    let base = golden();
    let h = base.compute_hash();
    let changes: Vec<fn(&mut CompletionRecord)> = vec![
        |r| r.installation.0[15] ^= 1,
        |r| r.seq += 1,
        |r| r.attempt.learner.push('8'),
        |r| r.attempt.forvaltning.push('x'),
        |r| r.attempt.module.push('x'),
        |r| r.attempt.module_version += 1,
        |r| r.attempt.content_hash[31] ^= 1,
        |r| r.attempt.started += 1,
        |r| r.attempt.finished += 1,
        |r| r.attempt.score += 1,
        |r| r.attempt.max += 1,
        |r| r.attempt.passed = !r.attempt.passed,
        |r| r.program.push('1'),
        |r| r.attempt.answers[0].id.push('x'),
        |r| r.attempt.answers[0].area = Area::Compliance,
        |r| r.attempt.answers[1].correct = true,
        |r| {
            r.attempt.answers.pop();
        },
        |r| r.prev[0] = 1,
    ];
    for (i, change) in changes.iter().enumerate() {
        let mut r = base.clone();
        change(&mut r);
        assert_ne!(r.compute_hash(), h, "change {i} does not alter the hash");
    }
}

#[test]
fn only_the_canonical_spelling_is_accepted() {
    let variants = [
        GOLDEN_LINE.replace("seq:1,", "seq: 1,"),
        format!("CompletionRecord{GOLDEN_LINE}"),
        GOLDEN_LINE.replace("cf025f07", "CF025F07"),
        GOLDEN_LINE.replace("score:1,", "score:0x1,"),
        GOLDEN_LINE.replace("correct:false)]", "correct:false),]"),
        format!("{GOLDEN_LINE} "),
    ];
    for v in &variants {
        assert_eq!(parse_record(v), Err(Problem::NotCanonical), "{v}");
    }
}

#[test]
fn parse_reports_the_reason() {
    let changed = GOLDEN_LINE.replace("finished:1735726200", "finished:1735726201");
    assert_eq!(parse_record(&changed), Err(Problem::HashMismatch));
    let unknown = GOLDEN_LINE.replace("seq:1,", "seq:1,extra:2,");
    assert!(matches!(
        parse_record(&unknown),
        Err(Problem::Unparsable(_))
    ));
    let float = GOLDEN_LINE.replace("score:1,", "score:1.0,");
    assert!(matches!(parse_record(&float), Err(Problem::Unparsable(_))));
    let newer = GOLDEN_LINE.replace("(format:1,", "(format:2,");
    assert_eq!(
        parse_record(&newer),
        Err(Problem::NewerVersion { found: 2 })
    );
    let newer_fields = GOLDEN_LINE.replace("(format:1,", "(format:3,signature:\"x\",");
    assert_eq!(
        parse_record(&newer_fields),
        Err(Problem::NewerVersion { found: 3 })
    );
    // A score that does not match the answers is refused even with a recomputed hash.
    let mut lying = golden();
    lying.attempt.score = 2;
    lying.hash = lying.compute_hash();
    let line = lying.to_line();
    assert!(matches!(parse_record(&line), Err(Problem::Invalid(_))));
}

#[test]
fn header_rules() {
    let good = header_line(InstallationId([7; 16]));
    assert_eq!(
        parse_header(&good).map(|h| h.installation),
        Ok(InstallationId([7; 16]))
    );
    assert_eq!(
        parse_header(&good.replace("format:1", "format:2")),
        Err(Problem::NewerVersion { found: 2 })
    );
    assert_eq!(
        parse_header(&good.replace("completion-log", "other")),
        Err(Problem::NotALog)
    );
    assert_eq!(parse_header(GOLDEN_LINE), Err(Problem::NotALog));
}

#[test]
fn forvaltning_names_are_display_safe_text() {
    for ok in [
        "Økonomiforvaltningen",
        "Teknik- og Miljøforvaltningen",
        "Sundheds- og Omsorgsforvaltningen",
        "Kultur & Fritid (KFF)",
        "Ørestad/Amager",
        "Borgerservice, Amager Vest",
    ] {
        assert_eq!(check_forvaltning(ok), Ok(()), "{ok}");
    }
    for bad in [
        "",
        " Økonomi",
        "Økonomi ",
        "Økonomi  forvaltningen",
        "Øko\u{1b}[31m",
        "Øko\u{202e}nomi",
        "Øko\"nomi",
        "Øko\\nomi",
        "Økonomi\nforvaltningen",
        "Ko\u{301}benhavn",
        "Kultur's",
    ] {
        assert!(check_forvaltning(bad).is_err(), "{bad:?} was accepted");
    }
    assert!(check_forvaltning(&"ø".repeat(100)).is_ok());
    assert!(check_forvaltning(&"ø".repeat(101)).is_err());
}

#[test]
fn sealing_refuses_inconsistent_attempts() {
    let base = FinishedAttempt {
        learner: "1234567".into(),
        forvaltning: "Økonomiforvaltningen".into(),
        module: "eksempel".into(),
        module_version: 1,
        content_hash: [1; 32],
        started: 10,
        finished: 20,
        score: 1,
        max: 1,
        passed: true,
        answers: vec![AnsweredQuestion {
            id: "q1".into(),
            area: Area::AccessControl,
            correct: true,
        }],
    };
    let seal = |d: FinishedAttempt| CompletionRecord::seal(d, InstallationId([0; 16]), 1, [0; 32]);
    assert!(seal(base.clone()).is_ok());
    let bad: Vec<FinishedAttempt> = vec![
        FinishedAttempt {
            learner: "12 34".into(),
            ..base.clone()
        },
        FinishedAttempt {
            learner: String::new(),
            ..base.clone()
        },
        FinishedAttempt {
            module: "a/b".into(),
            ..base.clone()
        },
        FinishedAttempt {
            finished: 9,
            ..base.clone()
        },
        FinishedAttempt {
            score: 0,
            ..base.clone()
        },
        FinishedAttempt {
            max: 2,
            ..base.clone()
        },
        FinishedAttempt {
            answers: Vec::new(),
            max: 0,
            score: 0,
            ..base.clone()
        },
        FinishedAttempt {
            module_version: 0,
            ..base.clone()
        },
        FinishedAttempt {
            forvaltning: "x\u{7}".into(),
            ..base.clone()
        },
    ];
    for d in bad {
        assert!(
            matches!(seal(d.clone()), Err(RecordError::InvalidAttempt(_))),
            "{d:?} was sealed"
        );
    }
}

#[test]
fn receipt_groups_the_first_twelve_hex_digits() {
    let mut h = [0u8; 32];
    h[..6].copy_from_slice(&[0x7f, 0x3a, 0x91, 0xc2, 0x0b, 0x4d]);
    assert_eq!(receipt(&h), "7F3A-91C2-0B4D");
}

#[test]
fn installation_ids_are_lower_case_hex() {
    let id = InstallationId([0xab; 16]);
    assert_eq!(InstallationId::parse(&id.to_string()), Some(id));
    assert_eq!(InstallationId::parse(&"AB".repeat(16)), None);
    assert_eq!(InstallationId::parse("abab"), None);
}

#[test]
fn errors_speak_danish_and_english_and_name_the_file() {
    use std::io;
    use std::path::PathBuf;
    let p = PathBuf::from("sti/log.ron");
    let bad = BadLine {
        line: 4,
        offset: 100,
        problem: Problem::BrokenLink,
    };
    let os = || io::Error::other("disk full");
    let errors = [
        RecordError::io("cannot read", &p, os()),
        RecordError::Locked { path: p.clone() },
        RecordError::Damaged {
            path: p.clone(),
            bad,
        },
        RecordError::Append {
            path: p.clone(),
            source: os(),
            cut_back_failed: false,
        },
        RecordError::ChangedUnderneath { path: p.clone() },
        RecordError::CollectionUnreachable {
            dir: p.clone(),
            source: os(),
        },
        RecordError::CollectionWrite {
            path: p.clone(),
            source: os(),
        },
        RecordError::CollectionDiverged { path: p.clone() },
        RecordError::NotThisInstallation {
            path: p.clone(),
            expected: InstallationId([0; 16]),
        },
    ];
    for e in &errors {
        let (da, en) = (e.text(crate::lang::Lang::Da), e.text(crate::lang::Lang::En));
        assert_ne!(da, en);
        assert_eq!(e.to_string(), da, "Display is the Danish text");
        assert!(
            da.contains("sti/log.ron") && en.contains("sti/log.ron"),
            "{en}"
        );
    }
}
