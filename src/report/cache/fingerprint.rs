//! What a cache as a whole depends on besides the logs themselves: a cache made with another
//! course index, program, cache format or quarter is not used.

use super::FORMAT;
use crate::canon::{CanonHasher, Digest32};
use crate::record;
use crate::verdict::CourseIndex;

/// What the cache entries depend on besides the logs themselves: the course index (modules,
/// versions, content hashes, questions and what the verdict knows of them, earlier versions),
/// the program that wrote them, and the last second of the quarter before the report's moment
/// (`before_until`: each entry keeps the schedule's facts as of then too, for the overview's
/// change since the quarter before, so a cache made in another quarter is not used).
pub fn fingerprint(index: &CourseIndex, before_until: i64) -> Digest32 {
    let mut h = CanonHasher::new(b"bevidst-report-cache-v1\0");
    h.str(record::PROGRAM_VERSION).u32(FORMAT);
    h.u64(before_until.cast_unsigned());
    h.len(index.modules.len());
    for m in &index.modules {
        h.str(&m.id)
            .u32(m.version)
            .fixed(&m.hash)
            .u32(m.every_months.unwrap_or(0))
            .u32(m.draw)
            .u32(m.pass_mark);
    }
    h.len(index.questions.len());
    for q in &index.questions {
        h.str(&q.id)
            .len(q.module)
            .u8(q.area.code())
            .u32(q.min_seconds)
            .len(q.goals.len());
        for g in &q.goals {
            h.u8(g.code());
        }
    }
    let known = index.known_versions();
    h.len(known.len());
    for (id, version, hash) in &known {
        h.str(id).u32(*version).fixed(hash);
    }
    h.finish()
}
