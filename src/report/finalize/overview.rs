//! The overview: per forvaltning, how many people are employed (the roster's), have passed
//! onboarding, have everything up to date, are overdue, never started, or tried without an
//! attempt being accepted; and how the group stood on the last day of the quarter before.
//! Every figure counts people once, however many modules they are behind in.
//!
//! Which forvaltninger are withheld is decided here once, for the overview and the completion
//! table alike ([`ForvaltningGate`]): a forvaltning's size is the same in both, so a
//! forvaltning shown in one and withheld in the other would give it away.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::report::model::{Compliance, Gated, OverviewFigures, OverviewRow};
use crate::report::privacy::{Gate, Relation, suppress};
use crate::report::trend::{self, Sample};

/// What one person counts as in the overview today.
#[derive(Debug, Clone, Copy)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four independent facts about one person, counted one by one"
)]
pub(super) struct PersonNow {
    /// Every onboarding module passed.
    pub onboarded: bool,
    /// At least one module overdue.
    pub overdue: bool,
    /// On the roster with no record at all.
    pub never_started: bool,
    /// A module tried, none of whose attempts was accepted.
    pub not_accepted: bool,
}

/// What one person counted as on the last day of the quarter before: (onboarded, up to date).
pub(super) type PersonBefore = (bool, bool);

/// One forvaltning's counts.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    now: Compliance,
    overdue: u64,
    never_started: u64,
    not_accepted: u64,
    before: Compliance,
}

impl Tally {
    /// Counts one person: today, and on the day before the quarter if employed by then.
    pub(super) fn add(&mut self, now: PersonNow, before: Option<PersonBefore>) {
        add_to(&mut self.now, now.onboarded, !now.overdue);
        self.overdue += u64::from(now.overdue);
        self.never_started += u64::from(now.never_started);
        self.not_accepted += u64::from(now.not_accepted);
        if let Some((onboarded, up_to_date)) = before {
            add_to(&mut self.before, onboarded, up_to_date);
        }
    }

    fn add_all(&mut self, o: &Tally) {
        for (a, b) in [(&mut self.now, o.now), (&mut self.before, o.before)] {
            a.employees += b.employees;
            a.onboarded += b.onboarded;
            a.up_to_date += b.up_to_date;
        }
        self.overdue += o.overdue;
        self.never_started += o.never_started;
        self.not_accepted += o.not_accepted;
    }
}

fn add_to(c: &mut Compliance, onboarded: bool, up_to_date: bool) {
    c.employees += 1;
    c.onboarded += u64::from(onboarded);
    c.up_to_date += u64::from(up_to_date);
}

/// The last day of the quarter before the one `today` is in.
pub(super) fn previous_quarter_end(today: Date) -> Date {
    let first_month = (today.month() - 1) / 3 * 3 + 1;
    Date::new(today.year(), first_month, 1)
        .ok()
        .and_then(|d| d.yesterday().ok())
        .unwrap_or(Date::MIN)
}

/// Which forvaltninger are shown, today and on the day before the quarter: the minimum group
/// and the secondary suppression over the relation "all forvaltninger = the sum of the
/// forvaltninger", on today's sizes, then on the earlier sizes with today's withheld ones
/// withheld too (so the earlier figures never reopen a group withheld today).
#[derive(Debug, Clone)]
pub(super) struct ForvaltningGate {
    names: Vec<String>,
    /// Cell 0 is all forvaltninger, cell i + 1 is `names[i]`.
    withheld: Vec<bool>,
    withheld_before: Vec<bool>,
}

impl ForvaltningGate {
    pub(super) fn new(tallies: &BTreeMap<&str, Tally>, gate: Gate) -> Self {
        let min = gate.min();
        let sizes = |f: fn(&Tally) -> u64| -> Vec<u64> {
            std::iter::once(tallies.values().map(f).sum())
                .chain(tallies.values().map(f))
                .collect()
        };
        let relation = [Relation {
            total: 0,
            parts: (1..=tallies.len()).collect(),
        }];
        let now = sizes(|t| t.now.employees);
        let mut withheld: Vec<bool> = now.iter().map(|&n| n < min).collect();
        suppress(&now, &mut withheld, &relation, min);
        let before = sizes(|t| t.before.employees);
        let mut withheld_before: Vec<bool> = before
            .iter()
            .zip(&withheld)
            .map(|(&n, &w)| w || n < min)
            .collect();
        suppress(&before, &mut withheld_before, &relation, min);
        ForvaltningGate {
            names: tallies.keys().map(|s| (*s).to_owned()).collect(),
            withheld,
            withheld_before,
        }
    }

    fn cell(&self, forv: Option<&str>) -> Option<usize> {
        match forv {
            None => Some(0),
            Some(f) => self
                .names
                .binary_search_by(|n| n.as_str().cmp(f))
                .ok()
                .map(|i| i + 1),
        }
    }

    /// Whether a forvaltning's (or, `None`, all forvaltninger's) figures of today are shown.
    pub(super) fn shown(&self, forv: Option<&str>) -> bool {
        self.cell(forv).is_some_and(|i| !self.withheld[i])
    }

    /// Whether its figures of the day before the quarter are shown.
    fn shown_before(&self, forv: Option<&str>) -> bool {
        self.cell(forv).is_some_and(|i| !self.withheld_before[i])
    }
}

/// The overview's rows: all forvaltninger first, then each forvaltning in name order.
pub(super) fn overview_rows(
    tallies: &BTreeMap<&str, Tally>,
    gate: &ForvaltningGate,
    roster: bool,
) -> Vec<OverviewRow> {
    if tallies.is_empty() {
        return Vec::new();
    }
    let mut all = Tally::default();
    for t in tallies.values() {
        all.add_all(t);
    }
    std::iter::once((None, &all))
        .chain(tallies.iter().map(|(f, t)| (Some(*f), t)))
        .map(|(forv, t)| {
            let before = if gate.shown_before(forv) {
                Gated::Shown(t.before)
            } else {
                Gated::Withheld
            };
            let trend = match (roster, &before) {
                (true, Gated::Shown(b)) => trend::change(
                    Sample {
                        share: b.up_to_date_share(),
                        n: b.employees,
                    },
                    Sample {
                        share: t.now.up_to_date_share(),
                        n: t.now.employees,
                    },
                ),
                _ => None,
            };
            OverviewRow {
                forvaltning: forv.map(str::to_owned),
                roster,
                figures: if gate.shown(forv) {
                    Gated::Shown(OverviewFigures {
                        employees: t.now.employees,
                        onboarded: t.now.onboarded,
                        up_to_date: t.now.up_to_date,
                        overdue: t.overdue,
                        never_started: t.never_started,
                        not_accepted: t.not_accepted,
                        before,
                        trend,
                    })
                } else {
                    Gated::Withheld
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_quarter_ends_the_day_before_this_one_starts() {
        let d = |s: &str| s.parse::<Date>().expect("a date");
        assert_eq!(previous_quarter_end(d("2025-06-15")), d("2025-03-31"));
        assert_eq!(previous_quarter_end(d("2025-01-01")), d("2024-12-31"));
        assert_eq!(previous_quarter_end(d("2025-12-31")), d("2025-09-30"));
    }

    fn tally(now: u64, before: u64) -> Tally {
        let mut t = Tally::default();
        let person = PersonNow {
            onboarded: true,
            overdue: false,
            never_started: false,
            not_accepted: false,
        };
        for i in 0..now {
            t.add(person, (i < before).then_some((true, true)));
        }
        t
    }

    #[test]
    fn a_group_that_was_small_last_quarter_shows_today_but_not_then() {
        // B grew from 2 to 9 people: today's figures are shown, last quarter's are not, and
        // C's earlier figures go with them (else all minus A minus C would give B's).
        let tallies: BTreeMap<&str, Tally> = [
            ("A", tally(40, 38)),
            ("B", tally(9, 2)),
            ("C", tally(12, 11)),
        ]
        .into();
        let gate = ForvaltningGate::new(&tallies, Gate::new(5));
        let rows = overview_rows(&tallies, &gate, true);
        let row = |f: Option<&str>| {
            rows.iter()
                .find(|r| r.forvaltning.as_deref() == f)
                .and_then(|r| r.figures.shown())
                .expect("shown today")
        };
        assert!(row(Some("B")).before.is_withheld());
        assert!(row(Some("C")).before.is_withheld());
        assert_eq!(row(Some("A")).before, Gated::Shown(tally(40, 38).before));
        assert_eq!(row(None).employees, 61);
        // A tiny group today is withheld whole, and takes the next smallest with it.
        let tallies: BTreeMap<&str, Tally> = [
            ("A", tally(40, 38)),
            ("B", tally(3, 3)),
            ("C", tally(12, 11)),
        ]
        .into();
        let gate = ForvaltningGate::new(&tallies, Gate::new(5));
        assert!(!gate.shown(Some("B")) && !gate.shown(Some("C")) && gate.shown(Some("A")));
    }
}
