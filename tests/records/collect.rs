//! The collection folder: the copy after each completion, unreachable and read-only folders
//! (the local record stands, the copy is retried at the next start), and a copy that the
//! local log does not continue (never overwritten).

use std::fs;
use std::path::Path;

use bevidst::lang::Lang;
use bevidst::message::Bilingual as _;
use bevidst::record::{
    LearnerLog, RecordError, collection_file_name, copy_to_collection, log_path, verify_file,
};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn open(path: &Path) -> LearnerLog {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    LearnerLog::open(path, &mut rng).expect("opens").0
}

#[test]
fn the_copy_is_the_log_and_is_replaced_atomically() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let path = log_path(data.path());
    let mut log = open(&path);
    log.append(super::draft(1, "1234567")).expect("appends");
    let copy = log.collect(share.path()).expect("copies");
    assert_eq!(
        copy,
        share.path().join(collection_file_name(log.installation()))
    );
    assert_eq!(
        fs::read(&copy).expect("reads"),
        fs::read(&path).expect("reads")
    );

    log.append(super::draft(2, "1234567")).expect("appends");
    log.collect(share.path()).expect("copies again");
    assert_eq!(
        fs::read(&copy).expect("reads"),
        fs::read(&path).expect("reads")
    );
    assert_eq!(verify_file(&copy).expect("reads").records, 2);
    let names: Vec<_> = fs::read_dir(share.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no temporary file is left behind: {names:?}"
    );
}

#[test]
fn an_unreachable_folder_keeps_the_record_and_the_next_start_retries() {
    let data = tempfile::tempdir().expect("temp dir");
    let parent = tempfile::tempdir().expect("temp dir");
    let share = parent.path().join("share");
    let path = log_path(data.path());
    let mut log = open(&path);
    let record = log.append(super::draft(1, "1234567")).expect("appends");
    let err = log.collect(&share).expect_err("the share is not there");
    assert!(
        matches!(err, RecordError::CollectionUnreachable { .. }),
        "{err}"
    );
    assert!(err.text(Lang::En).contains("next time bevidst starts"));
    drop(log);

    // The share comes back; the next start copies what it could not copy before.
    fs::create_dir(&share).expect("mkdir");
    let log = open(&path);
    assert_eq!(log.records(), std::slice::from_ref(&record));
    let copy = log.collect(&share).expect("copies at start");
    assert_eq!(verify_file(&copy).expect("reads").records, 1);

    let not_a_folder = parent.path().join("file");
    fs::write(&not_a_folder, b"x").expect("writes");
    assert!(matches!(
        log.collect(&not_a_folder),
        Err(RecordError::CollectionUnreachable { .. })
    ));
}

/// Makes `dir` read-only for this process, also when it runs as root (where the mode bits do
/// not bind): then with the immutable attribute. Undone on drop.
#[cfg(unix)]
struct ReadOnly<'a> {
    dir: &'a Path,
    immutable: bool,
}

#[cfg(unix)]
impl<'a> ReadOnly<'a> {
    fn new(dir: &'a Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).ok()?;
        let mut guard = ReadOnly {
            dir,
            immutable: false,
        };
        if guard.writable() {
            let status = crate::hermetic::command("chattr", dir)
                .arg("+i")
                .arg(dir)
                .status();
            guard.immutable = status.is_ok_and(|s| s.success());
            if guard.writable() {
                return None;
            }
        }
        Some(guard)
    }

    fn writable(&self) -> bool {
        let probe = self.dir.join("probe");
        let ok = fs::write(&probe, b"").is_ok();
        let _ = fs::remove_file(&probe);
        ok
    }
}

#[cfg(unix)]
impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = crate::hermetic::command("chattr", self.dir)
                .arg("-i")
                .arg(self.dir)
                .status();
        }
        let _ = fs::set_permissions(self.dir, fs::Permissions::from_mode(0o755));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_record_and_a_later_start_copies() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let path = log_path(data.path());
    let mut log = open(&path);
    {
        let Some(_read_only) = ReadOnly::new(share.path()) else {
            eprintln!("skipped: cannot make a read-only folder on this machine");
            return;
        };
        log.append(super::draft(1, "1234567")).expect("appends");
        let err = log.collect(share.path()).expect_err("read-only");
        assert!(matches!(err, RecordError::CollectionWrite { .. }), "{err}");
        assert_eq!(fs::read_dir(share.path()).expect("lists").count(), 0);
        assert!(verify_file(&path).expect("reads").is_ok());
    }
    let log = open(&path);
    let copy = log.collect(share.path()).expect("copies once writable");
    assert_eq!(verify_file(&copy).expect("reads").records, 1);
}

#[test]
fn a_copy_the_log_does_not_continue_is_never_overwritten() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let path = log_path(data.path());
    let mut log = open(&path);
    for n in 1..=3 {
        log.append(super::draft(n, "1234567")).expect("appends");
    }
    let copy = log.collect(share.path()).expect("copies");
    let collected = fs::read(&copy).expect("reads");
    drop(log);

    // The learner cuts the last record off the local log (or restores an old backup).
    let text = fs::read_to_string(&path).expect("reads");
    let shorter: String = text.split_inclusive('\n').take(3).collect();
    fs::write(&path, shorter).expect("writes");
    let mut log = open(&path);
    log.append(super::draft(9, "1234567")).expect("appends");
    let err = log.collect(share.path()).expect_err("diverged");
    assert!(
        matches!(err, RecordError::CollectionDiverged { .. }),
        "{err}"
    );
    assert_eq!(fs::read(&copy).expect("reads"), collected);
}

#[test]
fn the_copy_holds_only_complete_lines() {
    let data = tempfile::tempdir().expect("temp dir");
    let share = tempfile::tempdir().expect("temp dir");
    let path = log_path(data.path());
    let mut log = open(&path);
    log.append(super::draft(1, "1234567")).expect("appends");
    let good = fs::read(&path).expect("reads");
    // Another bevidst crashed half-way through a line that this one has not seen yet.
    let mut torn = good.clone();
    torn.extend_from_slice(b"(format:1,inst");
    fs::write(&path, &torn).expect("writes");
    let copy = copy_to_collection(&path, share.path(), log.installation()).expect("copies");
    assert_eq!(fs::read(&copy).expect("reads"), good);
    let other = bevidst::record::InstallationId([0xee; 16]);
    assert!(matches!(
        copy_to_collection(&path, share.path(), other),
        Err(RecordError::NotThisInstallation { .. })
    ));
}
