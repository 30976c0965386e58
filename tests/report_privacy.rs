//! The report's outputs through the real binary, on a simulated collection with a roster and
//! a few hostile files: the aggregate outputs (Markdown, CSV files, the long CSV, JSON) name
//! no employee of the roster and no installation, and hold no raw control, bidirectional or
//! invisible character; the follow-up output is its own file, readable by its owner alone,
//! and says in its first line that it holds personal data.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use bevidst::report::render::followup::FIRST_LINE;
use bevidst::safe_text::first_forbidden;

const NOW: &str = "2025-06-15T12:00:00Z";

/// The binary with an environment built from scratch: only the data folder is set.
fn bevidst(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bevidst"));
    c.env_clear().env("BEVIDST_DATA_DIR", data);
    c
}

fn run(c: &mut Command) -> String {
    let out = c.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Words of a text: runs of letters, digits, `-` and `_` (ids are made of those).
fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

struct Collection {
    _dir: tempfile::TempDir,
    data: PathBuf,
    logs: PathBuf,
    roster: PathBuf,
    employee_ids: Vec<String>,
    installations: Vec<String>,
}

fn collection() -> Collection {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let logs = dir.path().join("indsamling");
    let roster = dir.path().join("ansatte.csv");
    run(bevidst(&data)
        .args([
            "simulate",
            "--learners",
            "80",
            "--years",
            "1",
            "--seed",
            "4",
        ])
        .args(["--end", NOW, "--out"])
        .arg(&logs)
        .arg("--roster")
        .arg(&roster));
    // Hostile files: a name that reads backwards and holds an escape, and a log whose
    // forvaltning carries a right-to-left override.
    std::fs::write(
        logs.join("\u{202e}nor.\u{1b}[2J.ron"),
        "not a log\u{202e}\n",
    )
    .expect("written");
    // A roster row listed twice, and one with a bidi control in its forvaltning.
    let mut text = std::fs::read_to_string(&roster).expect("roster");
    let second = text.lines().nth(1).expect("a row").to_owned();
    text.push_str(&second);
    text.push('\n');
    text.push_str("9999999,Øko\u{202e}nomiforvaltningen,2024-01-01\n");
    std::fs::write(&roster, &text).expect("written");
    let employee_ids = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .map(str::to_owned)
        .collect();
    let installations = std::fs::read_dir(&logs)
        .expect("logs")
        .filter_map(|e| {
            let p = e.ok()?.path();
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .filter(|s| s.len() == 32)
        .collect::<Vec<_>>();
    assert!(!installations.is_empty());
    Collection {
        _dir: dir,
        data,
        logs,
        roster,
        employee_ids,
        installations,
    }
}

/// Every cell of every sheet of a spreadsheet, as text, one per line.
fn spreadsheet_text(path: &std::path::Path) -> String {
    use calamine::Reader as _;
    let mut book = calamine::open_workbook::<calamine::Xlsx<_>, _>(path).expect("an xlsx");
    let mut text = String::new();
    for name in book.sheet_names() {
        text.push_str(&name);
        text.push('\n');
        for (_, _, cell) in book.worksheet_range(&name).expect("a sheet").cells() {
            text.push_str(&cell.to_string());
            text.push('\n');
        }
    }
    text
}

fn report(c: &Collection, args: &[&str]) -> Command {
    let mut cmd = bevidst(&c.data);
    cmd.arg("report")
        .arg(&c.logs)
        .arg("--roster")
        .arg(&c.roster)
        .args(["--now", NOW])
        .args(args);
    cmd
}

#[test]
fn aggregate_outputs_name_no_one_and_are_display_safe_and_the_follow_up_is_private() {
    let c = collection();
    let out = c.data.join("out");
    std::fs::create_dir_all(&out).expect("folder");
    let mut outputs: Vec<(String, String)> = Vec::new();
    for lang in ["da", "en"] {
        outputs.push((
            format!("md {lang}"),
            run(&mut report(&c, &["--format", "md", "--lang", lang])),
        ));
    }
    outputs.push(("json".into(), run(&mut report(&c, &["--format", "json"]))));
    for lang in ["da", "en"] {
        outputs.push((
            format!("html {lang}"),
            run(&mut report(&c, &["--format", "html", "--lang", lang])),
        ));
    }
    let xlsx = out.join("rapport.xlsx");
    run(report(&c, &["--format", "xlsx", "--out"]).arg(&xlsx));
    outputs.push(("xlsx".into(), spreadsheet_text(&xlsx)));
    outputs.push((
        "csv long".into(),
        run(&mut report(&c, &["--format", "csv"])),
    ));
    let tables = out.join("tabeller");
    let followup = out.join("opfoelgning.md");
    run(report(&c, &["--format", "csv", "--out"])
        .arg(&tables)
        .arg("--followup")
        .arg(&followup));
    for entry in std::fs::read_dir(&tables).expect("tables") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        outputs.push((path.display().to_string(), text));
    }
    assert!(outputs.len() > 8, "every format and every CSV table");
    for (what, text) in &outputs {
        let seen = words(text);
        for id in &c.employee_ids {
            assert!(!seen.contains(id.as_str()), "{what} names employee {id}");
        }
        for inst in &c.installations {
            assert!(
                !seen.contains(inst.as_str()),
                "{what} names installation {inst}"
            );
        }
        assert!(!text.contains("nor."), "{what} names the hostile file");
        if let Some((at, ch, why)) = first_forbidden(text) {
            panic!("{what}: {why} U+{:04X} at byte {at}", u32::from(ch));
        }
    }
    // The aggregate still says what happened: problems counted, the roster's by line.
    let md = &outputs[1].1;
    assert!(md.contains("| not a log |"), "{md}");
    assert!(md.contains("listed on an earlier line"), "{md}");

    // The follow-up names people and files on purpose, and says so first.
    let text = std::fs::read_to_string(&followup).expect("follow-up written");
    assert_eq!(text.lines().next(), Some(FIRST_LINE));
    let seen = words(&text);
    assert!(
        c.employee_ids.iter().any(|id| seen.contains(id.as_str())),
        "the follow-up names who is overdue or never started"
    );
    assert!(first_forbidden(&text).is_none(), "display-safe too");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&followup)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
        // An existing file is replaced by a private one, too.
        std::fs::set_permissions(&followup, std::fs::Permissions::from_mode(0o644))
            .expect("widened");
        run(report(&c, &["--format", "md", "--followup"]).arg(&followup));
        let mode = std::fs::metadata(&followup)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}
