//! Every xAPI statement bevidst writes validates against the xAPI 1.0.1 statement schema in
//! `tests/fixtures/xapi` (Rustici Software's xAPI schema, Apache-2.0, draft-04, custom formats from
//! `tincan-formats.json`; see the README, LICENSE and NOTICE there), and statements that break
//! the spec do not.

use std::path::PathBuf;
use std::sync::Arc;

use bevidst::attempt::{AnsweredQuestion, FinishedAttempt};
use bevidst::canon::CanonHasher;
use bevidst::record::{CompletionRecord, FORMAT_VERSION, InstallationId};
use bevidst::report::privacy::Pseudonymizer;
use bevidst::report::render::xapi::{self, XapiOptions, XapiWriter};
use bevidst::simulate::courses::{Shape, synthetic_courses};
use jsonschema::{Draft, Registry, Validator};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xapi")
}

fn read_json(name: &str) -> Value {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema fixtures are JSON")
}

/// JavaScript spells characters beyond U+FFFF in the xAPI schema's regular expressions as UTF-16
/// surrogate halves (`\uD800-\uDFFD`), which a Unicode regex engine cannot express; every such
/// half, or range of halves, stands for the supplementary planes. This replaces each with the
/// range U+10000–U+10FFFF written as literal characters, valid in both dialects.
fn without_surrogates(pattern: &str) -> String {
    let halves = fancy_regex::Regex::new(
        r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}(?:-\\u[dD][89a-fA-F][0-9a-fA-F]{2})?",
    )
    .expect("valid regex");
    halves
        .replace_all(pattern, "\u{10000}-\u{10FFFF}")
        .into_owned()
}

/// An xAPI schema format pattern for fancy-regex: no surrogates, and `\uXXXX` as `\x{XXXX}`.
fn format_regex(pattern: &str) -> String {
    let bmp = fancy_regex::Regex::new(r"\\u([0-9a-fA-F]{4})").expect("valid regex");
    bmp.replace_all(&without_surrogates(pattern), r"\x{$1}")
        .into_owned()
}

/// Rewrites the schema's own patterns (`pattern`, `patternProperties`) without surrogates.
fn translate_patterns(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(pp)) = map.get_mut("patternProperties") {
                let old = std::mem::take(pp);
                for (k, val) in old {
                    pp.insert(without_surrogates(&k), val);
                }
            }
            if let Some(Value::String(p)) = map.get_mut("pattern") {
                *p = without_surrogates(p);
            }
            map.values_mut().for_each(translate_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(translate_patterns),
        _ => {}
    }
}

fn validator() -> Validator {
    let mut schema = read_json("tincan-schema-1.0.1.json");
    translate_patterns(&mut schema);
    let formats = read_json("tincan-formats.json");
    let registry = Registry::new()
        .add("tcapi:1.0.1", schema)
        .expect("the schema registers")
        .prepare()
        .expect("the registry builds");
    let mut options = jsonschema::options()
        .with_draft(Draft::Draft4)
        .with_registry(&registry)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false);
    for (name, pattern) in formats.as_object().expect("an object of patterns") {
        let pattern = pattern.as_str().expect("patterns are strings");
        let re = Arc::new(
            fancy_regex::Regex::new(&format_regex(pattern))
                .unwrap_or_else(|e| panic!("format {name}: {e}")),
        );
        options = options.with_format(name.clone(), move |s: &str| re.is_match(s).unwrap_or(false));
    }
    options
        .build(&json!({"$ref": "tcapi:1.0.1#statement"}))
        .expect("the statement schema compiles")
}

fn errors(v: &Validator, statement: &Value) -> Vec<String> {
    v.iter_errors(statement).map(|e| e.to_string()).collect()
}

fn completions() -> Vec<(CompletionRecord, bevidst::course::Text)> {
    let set = synthetic_courses(Shape {
        refreshers: 1,
        bank: 6,
        draw: 4,
    })
    .expect("valid courses");
    let mut out = Vec::new();
    for (i, loaded) in set.modules.iter().enumerate() {
        for (j, pattern) in [[true, true, true, true], [true, false, false, false]]
            .iter()
            .enumerate()
        {
            let m = &loaded.module;
            let answers: Vec<AnsweredQuestion> = m
                .questions
                .iter()
                .zip(pattern)
                .map(|(q, &correct)| AnsweredQuestion {
                    id: q.id.clone(),
                    area: q.area,
                    correct,
                })
                .collect();
            let score = u32::try_from(pattern.iter().filter(|&&c| c).count()).expect("small");
            let mut h = CanonHasher::new(b"xapi-test\0");
            h.u64(u64::try_from(i * 10 + j).expect("small"));
            out.push((
                CompletionRecord {
                    format: FORMAT_VERSION,
                    installation: InstallationId([0; 16]),
                    seq: 1,
                    attempt: FinishedAttempt {
                        learner: format!("100{i}{j}"),
                        forvaltning: "KFF".into(),
                        module: m.id.clone(),
                        module_version: m.version,
                        content_hash: loaded.hash,
                        started: 1_740_000_000,
                        finished: 1_740_000_420,
                        score,
                        max: 4,
                        passed: score >= 3,
                        answers,
                    },
                    program: "0.1.0".into(),
                    prev: [0; 32],
                    hash: h.finish(),
                },
                m.title.clone(),
            ));
        }
    }
    out
}

#[test]
fn the_specifications_example_validates() {
    let v = validator();
    let example = read_json("example-statement.json");
    assert_eq!(errors(&v, &example), Vec::<String>::new());
}

#[test]
fn every_statement_bevidst_writes_validates() {
    let v = validator();
    let pseudo = Pseudonymizer::new([5; 32]);
    let opts = XapiOptions::default();
    let mut serialized = Vec::new();
    for (c, title) in completions() {
        let s = xapi::statement(&c, &title, &pseudo, &opts);
        assert_eq!(errors(&v, &s), Vec::<String>::new(), "{s:#}");
        let verb = s["verb"]["id"].as_str().expect("verb id");
        assert_eq!(
            verb,
            if c.attempt.passed {
                xapi::VERB_PASSED
            } else {
                xapi::VERB_FAILED
            }
        );
        assert_eq!(
            s["actor"]["account"]["name"],
            pseudo.pseudonym(&c.attempt.learner)
        );
        assert!(
            !s.to_string()
                .contains(&format!("\"{}\"", c.attempt.learner)),
            "no employee id"
        );
        serialized.push(s.to_string());
    }
    // The streamed array parses back into the same statements, each valid.
    let mut w = XapiWriter::new(Vec::new()).expect("in memory");
    w.write_serialized(&serialized).expect("in memory");
    let (bytes, n) = w.finish().expect("in memory");
    assert_eq!(n, serialized.len() as u64);
    let array: Vec<Value> = serde_json::from_slice(&bytes).expect("a JSON array");
    assert_eq!(array.len(), serialized.len());
    assert!(array.iter().all(|s| v.is_valid(s)));
}

#[test]
fn a_statement_without_a_verb_or_with_scaled_above_one_fails() {
    let v = validator();
    let (c, title) = completions().remove(0);
    let good = xapi::statement(
        &c,
        &title,
        &Pseudonymizer::new([5; 32]),
        &XapiOptions::default(),
    );
    assert!(v.is_valid(&good));
    let mut no_verb = good.clone();
    no_verb.as_object_mut().expect("object").remove("verb");
    assert!(!v.is_valid(&no_verb));
    let mut too_high = good.clone();
    too_high["result"]["score"]["scaled"] = json!(1.5);
    assert!(!v.is_valid(&too_high));
    let mut bad_id = good;
    bad_id["id"] = json!("not-a-uuid");
    assert!(!v.is_valid(&bad_id), "the uuid format is checked");
}

#[test]
fn statement_ids_are_uuids_derived_from_the_record_hash() {
    let id = xapi::statement_id(&[0xAB; 32]);
    assert_eq!(id, "abababab-abab-8bab-abab-abababababab");
    assert_ne!(xapi::statement_id(&[0xAC; 32]), id);
}

#[test]
fn every_statement_sent_to_an_lrs_validates_and_carries_its_record() {
    let v = validator();
    let set = synthetic_courses(Shape {
        refreshers: 1,
        bank: 6,
        draw: 4,
    })
    .expect("valid courses");
    for (c, _) in completions() {
        for module in [set.get(&c.attempt.module), None] {
            let all = bevidst::lrs::statements(&c, module);
            assert_eq!(all.len(), 1 + c.attempt.answers.len());
            for s in &all {
                assert_eq!(errors(&v, s), Vec::<String>::new(), "{s:#}");
            }
            let carried = bevidst::lrs::carried_record(&all[0]).expect("the attempt carries it");
            assert_eq!(carried.line, c.to_line());
            assert_eq!((carried.installation, carried.seq), (c.installation, c.seq));
            for answered in &all[1..] {
                assert_eq!(answered["context"]["statement"]["id"], all[0]["id"]);
                assert_eq!(
                    bevidst::lrs::carried_record(answered),
                    Err(bevidst::lrs::NoRecord::NotOurs)
                );
            }
            let goals = &all[1]["context"]["extensions"][bevidst::lrs::vocab::EXT_GOALS];
            assert_eq!(
                goals.is_array(),
                module.is_some(),
                "goals only from the module"
            );
        }
    }
}

#[test]
fn a_record_extension_in_another_shape_is_malformed_not_ours_otherwise() {
    use bevidst::lrs::statement::Malformed;
    use bevidst::lrs::{NoRecord, carried_record, vocab::EXT_RECORD};
    let (c, _) = completions().remove(0);
    let good = bevidst::lrs::statements(&c, None).remove(0);
    let id = good["id"].as_str().map(str::to_owned);
    let cases = [
        ("/line", json!("two\nlines"), Malformed::Line),
        ("/installation", json!("XYZ"), Malformed::Installation),
        ("/seq", json!("1"), Malformed::Field("seq")),
        ("/line", json!(7), Malformed::Field("line")),
    ];
    for (field, value, why) in cases {
        let mut bad = good.clone();
        let record = &mut bad["context"]["extensions"][EXT_RECORD];
        *record.pointer_mut(field).expect("the field") = value;
        assert_eq!(
            carried_record(&bad),
            Err(NoRecord::Malformed {
                statement_id: id.clone(),
                why
            })
        );
    }
    let example = read_json("example-statement.json");
    assert_eq!(carried_record(&example), Err(NoRecord::NotOurs));
}
