//! The course format and `bevidst check`: every shipped module validates, every kind of
//! error a course author can make is reported exactly (fixtures in tests/fixtures/invalid,
//! each with the error text it must produce), hashes are stable under reformatting, and no
//! input makes the loader panic.

use std::path::Path;

use bevidst::canon::hex;
use bevidst::course::{self, CourseSet, MAX_FILE_BYTES, parse_module};

#[path = "support/hermetic.rs"]
mod hermetic;

fn error_lines(result: Result<CourseSet, Vec<course::CourseError>>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

/// An error line with the path separator the fixtures' `expected.txt` use: on Windows the
/// program joins a file name to the folder with `\`, as Windows shows paths
/// (`tests/fixtures/invalid/x\modul.ron`); the rest of the line is the same on every platform.
fn portable(line: &str) -> String {
    if cfg!(windows) {
        line.replace('\\', "/")
    } else {
        line.to_owned()
    }
}

#[test]
fn every_invalid_fixture_produces_its_exact_errors() {
    let root = Path::new("tests/fixtures/invalid");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("fixture folder exists")
        .map(|e| e.expect("readable fixture entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 25,
        "expected the full set of fixtures, found {}",
        dirs.len()
    );
    for dir in dirs {
        let expected = std::fs::read_to_string(dir.join("expected.txt"))
            .unwrap_or_else(|e| panic!("{}: expected.txt: {e}", dir.display()));
        let expected: Vec<&str> = expected.lines().collect();
        assert!(
            !expected.is_empty(),
            "{}: expected.txt is empty",
            dir.display()
        );
        let got: Vec<String> = error_lines(course::load_dir(&dir))
            .into_iter()
            .map(|l| portable(&l))
            .collect();
        assert_eq!(got, expected, "fixture {}", dir.display());
    }
}

#[test]
fn the_example_and_its_reformatting_are_valid_with_one_hash() {
    let a = course::load_dir(Path::new("tests/fixtures/valid")).expect("example is valid");
    let b =
        course::load_dir(Path::new("tests/fixtures/reformatted")).expect("reformatted is valid");
    assert_eq!(a.modules[0].hash, b.modules[0].hash);
    assert_eq!(
        hex(&a.modules[0].hash),
        "6a5ac5ba2ba46fd043b0bdab9ac9becd4ec2aa943a8af69482058c1875ac4f38",
        "the canonical encoding changed; that changes every record's content hash"
    );
}

/// Byte ranges of the contents of every string literal in a RON source (no escapes used in
/// the example, so a quote always ends a literal).
fn string_literals(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in src.char_indices() {
        if c == '"' {
            match start.take() {
                None => start = Some(i + 1),
                Some(s) => out.push((s, i)),
            }
        }
    }
    out
}

#[test]
fn changing_one_word_of_any_text_changes_the_hash() {
    let src = std::fs::read_to_string("tests/fixtures/valid/eksempel.ron").expect("fixture");
    let original = parse_module("eksempel.ron", src.as_bytes())
        .expect("valid")
        .hash;
    let mut texts_changed = 0;
    for (start, end) in string_literals(&src) {
        let literal = &src[start..end];
        // Ids, sections and enum-like values are not prose; prose has a space in it.
        if !literal.contains(' ')
            && !["Sandt", "Falsk", "True", "False", "Rigtigt.", "Right."].contains(&literal)
        {
            continue;
        }
        let word_end = literal.find(' ').unwrap_or(literal.len());
        let mutated = format!("{}Ændret{}", &src[..start], &src[start + word_end..]);
        let loaded = parse_module("eksempel.ron", mutated.as_bytes())
            .unwrap_or_else(|e| panic!("mutating {literal:?} broke the file: {e:?}"));
        assert_ne!(loaded.hash, original, "changing {literal:?} kept the hash");
        texts_changed += 1;
    }
    assert!(texts_changed >= 30, "only {texts_changed} texts were tried");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"Module(\n  id: \"x\xff\",\n)".to_vec();
    bytes.push(b'\n');
    std::fs::write(dir.path().join("latin1.ron"), &bytes).expect("write");
    let lines = error_lines(course::load_dir(dir.path()));
    let name = dir.path().join("latin1.ron").display().to_string();
    assert_eq!(
        lines,
        [format!(
            "{name}:2:9: the file is not valid UTF-8 text; save it as UTF-8"
        )]
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let size = usize::try_from(MAX_FILE_BYTES).expect("limit fits usize") + 1;
    std::fs::write(dir.path().join("huge.ron"), vec![b' '; size]).expect("write");
    let lines = error_lines(course::load_dir(dir.path()));
    let name = dir.path().join("huge.ron").display().to_string();
    assert_eq!(
        lines,
        [format!(
            "{name}: the file is {size} bytes, more than the limit of {MAX_FILE_BYTES}; split it into several modules"
        )]
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // The typed format refuses a list where a text belongs at the first bracket, and ron's
    // recursion limit (32) guards every other path, so a hostile file cannot exhaust the stack.
    let src = format!(
        "Module(id: {}1{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let errors = parse_module("deep.ron", src.as_bytes()).expect_err("must not load");
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(lines, ["deep.ron:1:11: expected a text in quotes here"]);
    let src = format!(
        "Module(lessons: [{}])",
        "Lesson(title: (da: [".repeat(50_000)
    );
    let errors = parse_module("deep.ron", src.as_bytes()).expect_err("must not load");
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn the_check_command_exits_1_with_every_error_and_0_when_clean() {
    let bin = env!("CARGO_BIN_EXE_bevidst");
    let sandbox = tempfile::tempdir().expect("temp dir");
    let bad = hermetic::command(bin, sandbox.path())
        .args(["check", "tests/fixtures/invalid/many-errors"])
        .output()
        .expect("run bevidst");
    assert_eq!(bad.status.code(), Some(1));
    let stderr = portable(&String::from_utf8_lossy(&bad.stderr));
    let expected = std::fs::read_to_string("tests/fixtures/invalid/many-errors/expected.txt")
        .expect("fixture");
    for line in expected.lines() {
        assert!(stderr.contains(line), "missing {line:?} in {stderr}");
    }
    let good = hermetic::command(bin, sandbox.path())
        .args(["check", "tests/fixtures/valid"])
        .output()
        .expect("run bevidst");
    assert_eq!(good.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&good.stdout);
    assert!(
        stdout.contains("eksempel v1 (refresher every 12 months, for everyone)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 modules, 1 lessons, 2 questions"),
        "{stdout}"
    );
}

#[test]
fn check_json_lists_modules_and_errors() {
    let bin = env!("CARGO_BIN_EXE_bevidst");
    let sandbox = tempfile::tempdir().expect("temp dir");
    let out = hermetic::command(bin, sandbox.path())
        .args([
            "check",
            "tests/fixtures/invalid/many-errors",
            "--format",
            "json",
        ])
        .output()
        .expect("run bevidst");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["ok"], false);
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["errors"][0]["line"], 63);
    assert_eq!(json["errors"][0]["column"], 22);

    let out = hermetic::command(bin, sandbox.path())
        .args(["check", "tests/fixtures/valid", "--format", "json"])
        .output()
        .expect("run bevidst");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["modules"][0]["id"], "eksempel");
    assert_eq!(
        json["modules"][0]["questions_per_area"][0]["area"],
        "AccessControl"
    );
    assert_eq!(json["sections_covered"], serde_json::json!(["1.1"]));
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = parse_module("fuzz.ron", &bytes);
        }

        #[test]
        fn mutated_courses_never_panic(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = std::fs::read("tests/fixtures/valid/eksempel.ron").expect("fixture");
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            let keep = cut.index(bytes.len() + 1);
            bytes.truncate(keep.max(bytes.len() / 2));
            let _ = parse_module("fuzz.ron", &bytes);
        }
    }
}

/// A copy of the example module whose lesson names `{{indberetning}}`, with a profile that
/// defines it as `da`/`en`, in a fresh folder.
fn module_with_placeholder(da: &str, en: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let module = std::fs::read_to_string("tests/fixtures/valid/eksempel.ron")
        .expect("example module")
        .replace(
            "Et nyt afsnit begynder efter en tom linje.",
            "Spørg {{indberetning}}, hvis du er i tvivl.",
        )
        .replace(
            "and only what they need.",
            "and only what they need. Ask {{indberetning}}.",
        );
    std::fs::write(dir.path().join("modul.ron"), module).expect("write module");
    std::fs::write(
        dir.path().join("organisation.ron"),
        format!(
            "Organisation(values: {{ \"indberetning\": Value(about: \"x\", text: (da: \"{da}\", en: \"{en}\")) }})"
        ),
    )
    .expect("write profile");
    dir
}

#[test]
fn placeholders_are_filled_from_the_profile_and_the_hash_covers_the_value() {
    let a = module_with_placeholder("it-supporten", "IT support");
    let set = course::load_dir(a.path()).expect("loads");
    let body = &set.modules[0].module.lessons[0].body;
    assert!(body.da.contains("Spørg it-supporten, hvis"), "{}", body.da);
    assert!(
        body.en
            .as_deref()
            .is_some_and(|en| en.contains("Ask IT support.")),
        "{:?}",
        body.en
    );
    assert_eq!(set.modules[0].placeholders.len(), 2);

    let b = module_with_placeholder("servicedesken", "IT support");
    let other = course::load_dir(b.path()).expect("loads");
    assert_ne!(set.modules[0].hash, other.modules[0].hash);

    let summary = course::summarize(&Ok(set));
    let uses = &summary
        .placeholders
        .iter()
        .find(|p| p.name == "indberetning")
        .expect("listed")
        .uses;
    assert_eq!(uses.len(), 2, "{uses:?}");
    assert!(uses[0].ends_with("modul.ron:21:28"), "{uses:?}");
}

#[test]
fn the_bundled_profile_fills_every_placeholder_of_the_bundled_courses() {
    let set = course::bundled().expect("bundled courses load");
    for m in &set.modules {
        m.module.clone().for_each_text(|t| {
            assert!(!t.da.contains("{{"), "{}: {}", m.source, t.da);
        });
    }
}
