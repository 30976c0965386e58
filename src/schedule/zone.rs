//! A time zone with its changes of offset worked out once, so that turning a finish time into
//! the date it was in the zone costs a binary search and a little arithmetic instead of a walk
//! through the zone's rules. The report turns every attempt's finish time into a date (its
//! quarter, the schedule's dates), millions of times on a municipality's collection.
//!
//! Exact by construction: the table holds the zone's own transitions (from jiff) over the
//! seconds a record's finish time can have (1970 to 2106, the report's `u32` seconds); any other
//! second is asked of jiff directly. A property test holds the two to the same answer.

use std::fmt;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The first second the table covers: 1970-01-01 00:00 UTC.
const FROM: i64 = 0;
/// The first second after the table: 2106-02-07 06:28:16 UTC, the end of the report's `u32`
/// seconds.
const UNTIL: i64 = 1 << 32;

const DAY: i64 = 86_400;

/// A time zone, and the offsets it has had over the seconds a record can carry.
#[derive(Clone)]
pub struct Zone {
    tz: TimeZone,
    table: Arc<Transitions>,
}

/// Seconds per bucket of the index into the transitions, as a power of two (2^21 s, some 24
/// days: a bucket seldom holds a transition, and a lookup steps over the few it holds).
const BUCKET_BITS: u32 = 21;

/// The zone's offsets within `FROM..UNTIL`: `first` until `starts[0]`, then `offsets[i]` from
/// `starts[i]` on; and per bucket of seconds the index of its first transition, so a lookup
/// is one step from there rather than a search.
struct Transitions {
    first: i64,
    starts: Box<[i64]>,
    offsets: Box<[i64]>,
    buckets: Box<[u32]>,
}

impl Transitions {
    /// The offset in effect at `second`, within `FROM..UNTIL`.
    fn offset(&self, second: i64) -> i64 {
        let bucket = usize::try_from((second - FROM) >> BUCKET_BITS).unwrap_or(usize::MAX);
        let mut i = self
            .buckets
            .get(bucket)
            .map_or(self.starts.len(), |&i| i as usize);
        // The bucket's transitions before `second` (rarely more than none).
        while self.starts.get(i).is_some_and(|&s| s <= second) {
            i += 1;
        }
        match i {
            0 => self.first,
            i => self.offsets[i - 1],
        }
    }
}

impl Zone {
    /// The zone `tz`, its transitions worked out (a few hundred for a zone with summer time).
    pub fn new(tz: TimeZone) -> Zone {
        let offset_at = |t: Timestamp| i64::from(tz.to_offset(t).seconds());
        let from = Timestamp::from_second(FROM).unwrap_or(Timestamp::UNIX_EPOCH);
        let (starts, offsets): (Vec<i64>, Vec<i64>) = tz
            .following(from)
            .map(|t| (t.timestamp().as_second(), i64::from(t.offset().seconds())))
            .take_while(|&(at, _)| at < UNTIL)
            .unzip();
        let buckets = (0..=(UNTIL - FROM) >> BUCKET_BITS)
            .map(|b| {
                let at = FROM + (b << BUCKET_BITS);
                u32::try_from(starts.partition_point(|&s| s < at)).unwrap_or(u32::MAX)
            })
            .collect();
        let table = Transitions {
            first: offset_at(from),
            starts: starts.into(),
            offsets: offsets.into(),
            buckets,
        };
        Zone {
            tz,
            table: Arc::new(table),
        }
    }

    /// The time zone itself.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// The date a UTC second falls on in the zone, or `None` for a second outside the
    /// calendar (beyond the years -9999 and 9999).
    pub fn date(&self, second: i64) -> Option<Date> {
        if !(FROM..UNTIL).contains(&second) {
            let ts = Timestamp::from_second(second).ok()?;
            return Some(self.tz.to_datetime(ts).date());
        }
        civil_from_days((second + self.table.offset(second)).div_euclid(DAY)).or_else(|| {
            Some(
                self.tz
                    .to_datetime(Timestamp::from_second(second).ok()?)
                    .date(),
            )
        })
    }
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`, proleptic Gregorian
/// calendar), for the days the table covers.
fn civil_from_days(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

impl PartialEq for Zone {
    /// The same zone: the table is made from it.
    fn eq(&self, other: &Zone) -> bool {
        self.tz == other.tz
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Zone").field(&self.tz).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;

    /// jiff's own answer, the reference.
    fn jiff_date(tz: &TimeZone, second: i64) -> Option<Date> {
        super::super::local_date(second, tz)
    }

    /// Denmark's zone from the database and from its POSIX rule, and zones with other habits
    /// (none, another hemisphere, a half-hour change).
    static ZONES: LazyLock<Vec<Zone>> = LazyLock::new(|| {
        let posix = TimeZone::posix(super::super::COPENHAGEN_POSIX).expect("the constant parses");
        [
            super::super::copenhagen(),
            posix,
            TimeZone::UTC,
            TimeZone::get("America/New_York").expect("jiff bundles the tz database"),
            TimeZone::get("Australia/Lord_Howe").expect("jiff bundles the tz database"),
        ]
        .into_iter()
        .map(Zone::new)
        .collect()
    });

    #[test]
    fn every_transition_and_the_seconds_beside_it_agree_with_jiff() {
        for zone in ZONES.iter() {
            let from = Timestamp::from_second(FROM - 2 * DAY).expect("in range");
            let mut n = 0;
            for t in zone.tz.following(from) {
                let at = t.timestamp().as_second();
                if at > UNTIL + 2 * DAY {
                    break;
                }
                n += 1;
                for s in at - 1..=at + 1 {
                    assert_eq!(zone.date(s), jiff_date(&zone.tz, s), "{zone:?} at {s}");
                }
            }
            assert!(
                zone.tz == TimeZone::UTC || n > 100,
                "{zone:?} has its transitions"
            );
        }
    }

    #[test]
    fn the_table_s_edges_and_beyond_agree_with_jiff() {
        for zone in ZONES.iter() {
            for s in [
                i64::MIN,
                -400_000_000_000,
                -DAY,
                FROM - 1,
                FROM,
                FROM + 1,
                UNTIL - 1,
                UNTIL,
                UNTIL + 1,
                400_000_000_000,
                i64::MAX,
            ] {
                assert_eq!(zone.date(s), jiff_date(&zone.tz, s), "{zone:?} at {s}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_second_of_2000_to_2100_falls_on_jiff_s_date(
            // 2000-01-01 to 2100-12-31, UTC.
            second in 946_684_800i64..4_133_980_800,
            zone in 0usize..5,
        ) {
            let zone = &ZONES[zone];
            prop_assert_eq!(zone.date(second), jiff_date(&zone.tz, second));
        }

        #[test]
        fn any_day_from_1970_to_2106_is_jiff_s(days in 0i64..(UNTIL / DAY)) {
            let ts = Timestamp::from_second(days * DAY).expect("in range");
            prop_assert_eq!(civil_from_days(days), Some(TimeZone::UTC.to_datetime(ts).date()));
        }
    }
}
