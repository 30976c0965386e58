//! Honest trends: a change between two quarters is shown as ↑ or ↓ only when it is
//! statistically significant at 95 %, so ordinary noise in a small forvaltning does not send
//! the security function after the wrong area (policy 1.8 asks for falling risk to be
//! visible, not for every wobble).
//!
//! The test is the two-proportion z-test on learners, not answers: each figure is a share of
//! `n` distinct learners. A knowledge figure is the mean over its learners of each learner's
//! share correct, a number in 0–1; the variance of any such number with mean p is at most
//! p(1 − p), the variance of a yes/no answer, so treating the cell as n learners' yes/no
//! answers overstates the noise and never understates it. The same learners often appear in
//! both quarters, and a positive correlation between the quarters makes the independent test
//! more cautious still. The test can miss a small real change in a small group; it does not
//! show noise as a trend.
//!
//! The interval shown beside a figure is the Wilson score interval at 95 % over the same `n`
//! learners (conservative for the same reason): the range the figure would likely fall in if
//! the quarter were measured again with other learners of the same kind.

use crate::report::model::Trend;
use crate::report::stats::as_f64;

/// The two-sided 95 % quantile of the normal distribution.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A share (0–1) of a group of `n` distinct learners.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// The share, 0–1.
    pub share: f64,
    /// Distinct learners.
    pub n: u64,
}

/// The Wilson score interval at 95 % of a sample, `(low, high)`; `None` for an empty group.
pub fn wilson(s: Sample) -> Option<(f64, f64)> {
    if s.n == 0 {
        return None;
    }
    let n = as_f64(s.n);
    let p = s.share.clamp(0.0, 1.0);
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// The direction of change from `before` to `after`: up or down only when the two-proportion
/// z-test finds the difference significant at 95 %, flat otherwise; `None` when either group
/// is empty.
pub fn change(before: Sample, after: Sample) -> Option<Trend> {
    if before.n == 0 || after.n == 0 {
        return None;
    }
    let (n1, n2) = (as_f64(before.n), as_f64(after.n));
    let (p1, p2) = (before.share.clamp(0.0, 1.0), after.share.clamp(0.0, 1.0));
    let pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    // No spread at all (everyone right, or everyone wrong, in both): nothing changed.
    if se <= 0.0 {
        return Some(Trend::Flat);
    }
    let z = (p2 - p1) / se;
    Some(if z >= Z95 {
        Trend::Up
    } else if z <= -Z95 {
        Trend::Down
    } else {
        Trend::Flat
    })
}

#[cfg(test)]
mod tests {
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;

    fn s(share: f64, n: u64) -> Sample {
        Sample { share, n }
    }

    #[test]
    fn changes_of_a_known_size_in_groups_of_a_known_size() {
        // (before, after, expected): the old rule (one percentage point) marked every row
        // but the equal ones.
        let table = [
            // A forvaltning of 97: three points is noise, twelve is not.
            (s(0.80, 97), s(0.83, 97), Trend::Flat),
            (s(0.80, 97), s(0.77, 97), Trend::Flat),
            (s(0.80, 97), s(0.92, 97), Trend::Up),
            (s(0.80, 97), s(0.66, 97), Trend::Down),
            // All 2,000: three points is real, one is not.
            (s(0.80, 2000), s(0.83, 2000), Trend::Up),
            (s(0.80, 2000), s(0.77, 2000), Trend::Down),
            (s(0.80, 2000), s(0.81, 2000), Trend::Flat),
            // Everyone right both times.
            (s(1.0, 10), s(1.0, 12), Trend::Flat),
        ];
        for (before, after, want) in table {
            assert_eq!(change(before, after), Some(want), "{before:?} → {after:?}");
        }
        assert_eq!(change(s(0.5, 0), s(0.5, 10)), None);
    }

    /// One quarter's knowledge figure for one area in a group: each of `n` learners answers
    /// two questions on the area (an attempt of ten spreads over the eleven areas), each
    /// right with probability `p`; the figure is the mean of their shares.
    fn quarter(rng: &mut ChaCha8Rng, n: u64, p: f64) -> Sample {
        let total: f64 = (0..n)
            .map(|_| f64::from(u8::from(rng.random_bool(p)) + u8::from(rng.random_bool(p))) / 2.0)
            .sum();
        s(total / as_f64(n), n)
    }

    fn arrows(n: u64, p_before: f64, p_after: f64, trials: u32) -> (u32, u32) {
        let mut rng = ChaCha8Rng::seed_from_u64(15);
        let (mut marked, mut old_rule) = (0, 0);
        for _ in 0..trials {
            let (a, b) = (
                quarter(&mut rng, n, p_before),
                quarter(&mut rng, n, p_after),
            );
            marked += u32::from(change(a, b) != Some(Trend::Flat));
            old_rule += u32::from((b.share - a.share).abs() >= 0.01);
        }
        (marked, old_rule)
    }

    #[test]
    fn noise_of_a_known_size_gives_no_arrow() {
        // 97 learners both quarters, nothing changed: the test marks at most the 5 % it
        // allows (fewer: it is conservative); the one-point rule marked most of them.
        let (marked, old_rule) = arrows(97, 0.8, 0.8, 400);
        assert!(marked <= 20, "{marked} of 400 marked");
        assert!(old_rule > 200, "the old rule marked {old_rule} of 400");
    }

    #[test]
    fn a_real_change_of_a_known_size_gives_an_arrow() {
        // A forvaltning of 97 whose learners go from 65 % to 85 % right: nearly always seen.
        let (marked, _) = arrows(97, 0.65, 0.85, 400);
        assert!(marked >= 380, "{marked} of 400 marked");
        // All 2,000 up by five points: always seen.
        let (marked, _) = arrows(2000, 0.80, 0.85, 100);
        assert_eq!(marked, 100);
    }

    #[test]
    fn the_wilson_interval_holds_the_share_and_narrows_with_n() {
        let (lo, hi) = wilson(s(0.8, 97)).expect("a group");
        assert!(lo < 0.8 && 0.8 < hi);
        // Wilson (1927) for 0.8 of 97: about 0.711 to 0.867.
        assert!(
            (lo - 0.711).abs() < 0.002 && (hi - 0.867).abs() < 0.002,
            "{lo} {hi}"
        );
        let (lo2, hi2) = wilson(s(0.8, 2000)).expect("a group");
        assert!(hi2 - lo2 < (hi - lo) / 3.0);
        let (lo, hi) = wilson(s(1.0, 5)).expect("a group");
        assert!(hi <= 1.0 && lo > 0.5, "{lo} {hi}");
        assert_eq!(wilson(s(0.5, 0)), None);
    }
}
