//! The proof that tests which start processes are hermetic: a test of this crate is re-run
//! in a child process whose own environment points every folder bevidst could write to
//! (`BEVIDST_COLLECT_DIR`, `BEVIDST_DATA_DIR`, `BEVIDST_CONFIG_DIR`, `HOME`, `XDG_DATA_HOME`,
//! `XDG_CONFIG_HOME`) at folders outside it, as an IT administrator's profile might; the test
//! must pass and leave every one of those folders empty. Included with `#[path]` by the crates
//! whose tests start the binary, beside `hermetic.rs`.

use std::path::Path;

/// The variables an outside caller might set, each a folder a leaking child would write to.
const OUTSIDE: [&str; 6] = [
    "BEVIDST_COLLECT_DIR",
    "BEVIDST_DATA_DIR",
    "BEVIDST_CONFIG_DIR",
    "HOME",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
];

/// Runs the test named `test` (its full path in this test binary) in a child whose
/// environment names folders outside it, with `USER` a different name; asserts that it ran,
/// passed, and left those folders empty.
pub fn leaves_outside_folders_empty(test: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let mut cmd = crate::hermetic::command(exe, &dir.path().join("sandbox"));
    cmd.args([test, "--exact", "--test-threads", "1"])
        .env("USER", "outside-user");
    for name in OUTSIDE {
        let folder = dir.path().join(name);
        std::fs::create_dir_all(&folder).expect("an outside folder");
        cmd.env(name, &folder);
    }
    let out = cmd.output().expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{test} passes with outside folders set:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("1 passed"),
        "{test} ran in the child:\n{stdout}"
    );
    for name in OUTSIDE {
        let written = entries(&dir.path().join(name));
        assert!(written.is_empty(), "{test} wrote into ${name}: {written:?}");
    }
}

/// Everything under `folder`, recursively.
fn entries(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder)
        .expect("the folder is there")
        .flatten()
    {
        found.push(entry.path().display().to_string());
        if entry.path().is_dir() {
            found.extend(entries(&entry.path()));
        }
    }
    found
}
