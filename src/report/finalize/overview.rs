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

use crate::course::Role;
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

/// The people an overview is made of: a tally per forvaltning and one per role (in
/// [`Role::ALL`]'s order), each person in one of each.
#[derive(Debug, Clone, Default)]
pub(super) struct Tallies<'s> {
    pub forvaltninger: BTreeMap<&'s str, Tally>,
    pub roles: [Tally; 2],
}

impl<'s> Tallies<'s> {
    /// Counts one person of `forvaltning` in `role`.
    pub(super) fn add(
        &mut self,
        (forvaltning, role): (&'s str, Role),
        now: PersonNow,
        before: Option<PersonBefore>,
    ) {
        self.forvaltninger
            .entry(forvaltning)
            .or_default()
            .add(now, before);
        self.roles[role_index(role)].add(now, before);
    }

    /// Adds another share of the people's tallies.
    pub(super) fn merge(&mut self, other: Tallies<'s>) {
        for (forvaltning, t) in other.forvaltninger {
            self.forvaltninger
                .entry(forvaltning)
                .or_default()
                .add_all(&t);
        }
        for (mine, theirs) in self.roles.iter_mut().zip(&other.roles) {
            mine.add_all(theirs);
        }
    }

    /// Whether the overview has rows per role: only when both roles have people (with no
    /// managers at all, the employees' row would repeat the total).
    fn by_role(&self) -> bool {
        self.roles.iter().all(|t| t.now.employees > 0)
    }
}

/// A role's place in [`Role::ALL`] and in [`Tallies::roles`].
fn role_index(role: Role) -> usize {
    match role {
        Role::Employee => 0,
        Role::Manager => 1,
    }
}

/// Which rows of the overview are shown, today and on the day before the quarter: the
/// minimum group and the secondary suppression over the relations "all = the sum of the
/// forvaltninger" and "all = the sum of the roles", on today's sizes, then on the earlier
/// sizes with today's withheld ones withheld too (so the earlier figures never reopen a group
/// withheld today).
///
/// The forvaltninger's decision is the completion table's for its modules for everyone (the
/// same sizes through the same suppression): the role relation can only change the total's,
/// and it withholds the total only when everyone together is below the minimum, when the
/// forvaltninger's relation has withheld it already.
#[derive(Debug, Clone)]
pub(super) struct OverviewGate {
    names: Vec<String>,
    by_role: bool,
    /// Cell 0 is all, cell i + 1 is `names[i]`, then the roles in [`Role::ALL`]'s order.
    withheld: Vec<bool>,
    withheld_before: Vec<bool>,
}

impl OverviewGate {
    pub(super) fn new(tallies: &Tallies<'_>, gate: Gate) -> Self {
        let min = gate.min();
        let n = tallies.forvaltninger.len();
        let by_role = tallies.by_role();
        let sizes = |f: fn(&Tally) -> u64| -> Vec<u64> {
            std::iter::once(tallies.forvaltninger.values().map(f).sum())
                .chain(tallies.forvaltninger.values().map(f))
                .chain(tallies.roles.iter().map(f))
                .collect()
        };
        let mut relations = vec![Relation {
            total: 0,
            parts: (1..=n).collect(),
        }];
        if by_role {
            relations.push(Relation {
                total: 0,
                parts: (n + 1..n + 1 + tallies.roles.len()).collect(),
            });
        }
        let now = sizes(|t| t.now.employees);
        let mut withheld: Vec<bool> = now.iter().map(|&n| n < min).collect();
        suppress(&now, &mut withheld, &relations, min);
        let before = sizes(|t| t.before.employees);
        let mut withheld_before: Vec<bool> = before
            .iter()
            .zip(&withheld)
            .map(|(&n, &w)| w || n < min)
            .collect();
        suppress(&before, &mut withheld_before, &relations, min);
        OverviewGate {
            names: tallies
                .forvaltninger
                .keys()
                .map(|s| (*s).to_owned())
                .collect(),
            by_role,
            withheld,
            withheld_before,
        }
    }

    fn cell(&self, (forv, role): (Option<&str>, Option<Role>)) -> Option<usize> {
        match (forv, role) {
            (None, None) => Some(0),
            (None, Some(role)) => Some(self.names.len() + 1 + role_index(role)),
            (Some(f), _) => self
                .names
                .binary_search_by(|n| n.as_str().cmp(f))
                .ok()
                .map(|i| i + 1),
        }
    }

    /// Whether a row's figures of today are shown.
    fn shown_row(&self, row: (Option<&str>, Option<Role>)) -> bool {
        self.cell(row).is_some_and(|i| !self.withheld[i])
    }

    /// Whether its figures of the day before the quarter are shown.
    fn shown_before(&self, row: (Option<&str>, Option<Role>)) -> bool {
        self.cell(row).is_some_and(|i| !self.withheld_before[i])
    }
}

/// The overview's rows: all forvaltninger first, then each role (when the overview has
/// rows per role), then each forvaltning in name order.
pub(super) fn overview_rows(
    tallies: &Tallies<'_>,
    gate: &OverviewGate,
    roster: bool,
) -> Vec<OverviewRow> {
    if tallies.forvaltninger.is_empty() {
        return Vec::new();
    }
    let mut all = Tally::default();
    for t in tallies.forvaltninger.values() {
        all.add_all(t);
    }
    let roles = Role::ALL
        .into_iter()
        .zip(&tallies.roles)
        .filter(|_| gate.by_role)
        .map(|(role, t)| ((None, Some(role)), t));
    std::iter::once(((None, None), &all))
        .chain(roles)
        .chain(
            tallies
                .forvaltninger
                .iter()
                .map(|(f, t)| ((Some(*f), None), t)),
        )
        .map(|(key, t)| overview_row(key, t, gate, roster))
        .collect()
}

/// One row of the overview, gated.
fn overview_row(
    (forv, role): (Option<&str>, Option<Role>),
    t: &Tally,
    gate: &OverviewGate,
    roster: bool,
) -> OverviewRow {
    let before = if gate.shown_before((forv, role)) {
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
        role,
        roster,
        figures: if gate.shown_row((forv, role)) {
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

    /// Tallies of forvaltninger whose people are all employees (no rows per role).
    fn by_forvaltning<'a>(list: &[(&'a str, Tally); 3]) -> Tallies<'a> {
        let mut t = Tallies {
            forvaltninger: list.iter().copied().collect(),
            roles: [Tally::default(); 2],
        };
        for f in t.forvaltninger.values() {
            t.roles[0].add_all(f);
        }
        t
    }

    #[test]
    fn a_group_that_was_small_last_quarter_shows_today_but_not_then() {
        // B grew from 2 to 9 people: today's figures are shown, last quarter's are not, and
        // C's earlier figures go with them (else all minus A minus C would give B's).
        let tallies = by_forvaltning(&[
            ("A", tally(40, 38)),
            ("B", tally(9, 2)),
            ("C", tally(12, 11)),
        ]);
        let gate = OverviewGate::new(&tallies, Gate::new(5));
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
        let tallies = by_forvaltning(&[
            ("A", tally(40, 38)),
            ("B", tally(3, 3)),
            ("C", tally(12, 11)),
        ]);
        let gate = OverviewGate::new(&tallies, Gate::new(5));
        assert!(
            !gate.shown_row((Some("B"), None))
                && !gate.shown_row((Some("C"), None))
                && gate.shown_row((Some("A"), None))
        );
    }
}

#[cfg(test)]
mod role_tests {
    use super::*;

    fn person(overdue: bool) -> PersonNow {
        PersonNow {
            onboarded: true,
            overdue,
            never_started: false,
            not_accepted: false,
        }
    }

    /// `employees` and `managers` people in each of the forvaltninger named.
    fn tallies(per: &[(&'static str, u64, u64)]) -> Tallies<'static> {
        let mut t = Tallies::default();
        for &(f, employees, managers) in per {
            for i in 0..employees + managers {
                let role = if i < employees {
                    Role::Employee
                } else {
                    Role::Manager
                };
                t.add((f, role), person(i % 3 == 0), Some((true, true)));
            }
        }
        t
    }

    fn row(rows: &[OverviewRow], role: Option<Role>) -> &OverviewRow {
        rows.iter()
            .find(|r| r.forvaltning.is_none() && r.role == role)
            .expect("the row")
    }

    #[test]
    fn the_overview_has_a_row_per_role_that_adds_up_to_the_total() {
        let t = tallies(&[("A", 30, 6), ("B", 20, 4)]);
        let rows = overview_rows(&t, &OverviewGate::new(&t, Gate::new(5)), true);
        let [all, employees, managers] =
            [None, Some(Role::Employee), Some(Role::Manager)].map(|r| row(&rows, r));
        assert!(all.is_total() && !employees.is_total());
        let n = |r: &OverviewRow| r.figures.shown().map(|f| (f.employees, f.overdue));
        assert_eq!(n(employees), Some((50, 17)));
        assert_eq!(n(managers), Some((10, 3)));
        assert_eq!(n(all), Some((60, 20)));
        // The roles come right after the total, before the forvaltninger.
        assert_eq!(rows[1].role, Some(Role::Employee));
        assert_eq!(rows[3].forvaltning.as_deref(), Some("A"));
    }

    #[test]
    fn few_managers_are_withheld_with_the_employees_and_the_forvaltninger_stay() {
        // Three managers: withheld, and the employees' row with them (the total minus the
        // employees would give the managers); the forvaltninger are decided as before.
        let t = tallies(&[("A", 30, 2), ("B", 20, 1)]);
        let gate = OverviewGate::new(&t, Gate::new(5));
        let rows = overview_rows(&t, &gate, true);
        assert!(row(&rows, Some(Role::Manager)).figures.is_withheld());
        assert!(row(&rows, Some(Role::Employee)).figures.is_withheld());
        assert!(!row(&rows, None).figures.is_withheld());
        assert!(gate.shown_row((Some("A"), None)) && gate.shown_row((Some("B"), None)));
    }

    #[test]
    fn without_managers_there_are_no_rows_per_role() {
        let t = tallies(&[("A", 30, 0), ("B", 20, 0)]);
        let rows = overview_rows(&t, &OverviewGate::new(&t, Gate::new(5)), true);
        assert!(rows.iter().all(|r| r.role.is_none()));
        assert_eq!(rows.len(), 3);
    }
}
