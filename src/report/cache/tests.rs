//! A learner's state kept in the cache while the report is made reads back as it was, and one
//! that cannot be read back is said so (the run is then made again without the cache).

use std::time::{Duration, SystemTime};

use super::{FileId, ReportCache, VerifiedBytes, fingerprint};
use crate::record::InstallationId;
use crate::report::aggregate::{Aggregator, LearnerState, Names, before_until};
use crate::report::testkit::{completion, courses, index, now, settings};
use crate::report::{admit, finalize, finish, finish_spilled};

/// A state as text, to compare two.
fn shown(s: &LearnerState) -> String {
    format!("{s:?}")
}

#[test]
fn a_learner_waits_in_the_cache_and_reads_back_as_they_were() {
    let set = courses();
    let index = index();
    let names = Names::default();
    let settings = settings(1);
    let dir = tempfile::tempdir().expect("temp dir");
    // A log last changed an hour ago: old enough to be kept.
    let log = dir.path().join("log.ron");
    std::fs::write(&log, b"x").expect("written");
    std::fs::File::options()
        .write(true)
        .open(&log)
        .and_then(|f| f.set_modified(SystemTime::now() - Duration::from_secs(3600)))
        .expect("aged");
    let id = FileId::from_metadata(&std::fs::metadata(&log).expect("metadata"));
    let path = dir.path().join("anchors.cache");
    let started = jiff::Timestamp::now().as_second();
    let cache = ReportCache::open(
        &path,
        fingerprint(&index, before_until(settings.now.as_second())),
        started,
    );

    let mut mine = Aggregator::new(&index, &names, now().as_second());
    for (module, day) in [(0, 0), (1, 30), (0, 400)] {
        let t = 1_700_000_000 + day * 86_400;
        let r = completion(&set, module, "A1", "Alfa", t, &[true, false, true, true]);
        admit(&mut mine, (settings.now, settings.lang), "log.ron", 1, &r).expect("counts");
    }
    let original = shown(&mine.learners["A1"]);
    let facts = (InstallationId([7; 16]), (3, [9; 32]), 1_734_560_000);
    // What the log's bytes were does not matter here: only the learner's state is read back.
    let verified = VerifiedBytes {
        len: 0,
        digest: [0; 32],
        learner: None,
    };
    let entry = cache
        .keep("log.ron", id, facts, &verified, (&mine, &names))
        .expect("kept");
    let mut agg = Aggregator::new(&index, &names, now().as_second());
    agg.merge_spilled(mine, entry);
    assert!(agg.learners.is_empty());
    assert_eq!((agg.spilled.len(), agg.counted), (1, 3));

    let reader = cache.spill_reader().expect("readable");
    let mut scratch = Aggregator::new(&index, &names, now().as_second());
    let (mut buf, mut state) = (Vec::new(), LearnerState::default());
    let learner = reader.learner(entry, &mut scratch, &mut buf, &mut state);
    assert_eq!(learner.as_deref(), Some("A1"));
    assert_eq!(shown(&state), original);

    // The report made from the waiting learner is the one made with the learner in memory.
    let spill = finalize::Spill {
        reader: &reader,
        names: &names,
        now: settings.now.as_second(),
    };
    let waited =
        finish_spilled(&agg, None, &settings, Default::default(), 2, spill).expect("read back");
    let mut held = Aggregator::new(&index, &names, now().as_second());
    held.absorb(
        agg.counted,
        &[],
        vec![("A1".into(), Box::new(state.clone()))],
    );
    held.version_first.clone_from(&agg.version_first);
    let in_memory = finish(&held, &names, None, &settings, Default::default(), 2);
    assert_eq!(
        serde_json::to_string(&waited.0).expect("json"),
        serde_json::to_string(&in_memory.0).expect("json")
    );

    // Cut off under the reader: the learner cannot be read back, and the report says so.
    drop(reader);
    std::fs::File::options()
        .write(true)
        .open(path.with_extension("cache.tmp"))
        .and_then(|f| f.set_len(8))
        .expect("cut");
    let reader = cache.spill_reader().expect("readable");
    assert!(
        reader
            .learner(entry, &mut scratch, &mut buf, &mut state)
            .is_none()
    );
    let spill = finalize::Spill {
        reader: &reader,
        names: &names,
        now: settings.now.as_second(),
    };
    assert!(finish_spilled(&agg, None, &settings, Default::default(), 2, spill).is_err());
}
