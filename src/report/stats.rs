//! Item statistics on first attempts, as Moodle's quiz statistics compute them
//! (docs.moodle.org, "Quiz statistics calculations"): per question the facility index (mean
//! mark) and the discrimination index (correlation of the item's mark with the rest of the
//! test, i.e. the attempt's score minus this item), and per module the mean, the standard
//! deviation and Cronbach's alpha (Moodle's "coefficient of internal consistency").
//!
//! The accumulators are fixed-size sums of integers, so they stream and merge; the floating
//! point work happens once, at the end. Variances and covariances are sample ones (divisor
//! n − 1), as Moodle's.
//!
//! Questions are drawn at random from a bank, so attempts do not all ask the same questions.
//! For alpha the items are the positions ("slots") of an attempt, as Moodle does for random
//! questions: slot k is the k-th question asked, whichever it was.

use serde::Serialize;

/// Below this many first attempts a question's figures are shown but never flagged: with
/// fewer, a facility of 0.95 or a negative discrimination is as likely to be chance.
pub const MIN_N_FOR_FLAGS: u64 = 30;
/// Facility above which a question is flagged as too easy (Moodle calls ≥ 0.90 "very easy").
pub const TOO_EASY: f64 = 0.90;
/// Facility below which a question is flagged as too hard (Moodle calls < 0.20 "difficult").
pub const TOO_HARD: f64 = 0.20;

/// Sums for one question over the first attempts that asked it. Marks are 0 or 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemAcc {
    /// Attempts that asked the question.
    pub n: u64,
    /// Σ x: attempts that answered it correctly (x² = x for 0/1 marks).
    pub sx: u64,
    /// Σ R, where R is the rest of the test: the attempt's score minus x.
    pub sr: u64,
    /// Σ R².
    pub srr: u64,
    /// Σ x·R.
    pub sxr: u64,
}

impl ItemAcc {
    /// Adds one attempt: whether this item was right, and the attempt's total score.
    pub fn add(&mut self, correct: bool, score: u32) {
        let x = u64::from(correct);
        let rest = u64::from(score).saturating_sub(x);
        self.n += 1;
        self.sx += x;
        self.sr += rest;
        self.srr += rest * rest;
        self.sxr += x * rest;
    }

    /// Adds another accumulator's sums (for merging the work of several threads).
    pub fn merge(&mut self, other: &ItemAcc) {
        self.n += other.n;
        self.sx += other.sx;
        self.sr += other.sr;
        self.srr += other.srr;
        self.sxr += other.sxr;
    }

    /// The facility index: the mean mark, 0–1.
    pub fn facility(&self) -> Option<f64> {
        (self.n > 0).then(|| as_f64(self.sx) / as_f64(self.n))
    }

    /// The discrimination index: Pearson's r between the item's mark and the rest of the
    /// test, −1…1; `None` when either has no variance or n < 2.
    pub fn discrimination(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = as_f64(self.n);
        let (sx, sr) = (as_f64(self.sx), as_f64(self.sr));
        // n·Σ… − Σ·Σ keeps the arithmetic on exact integers (all below 2^53) until the
        // division, so no cancellation error from subtracting means.
        let cov = n * as_f64(self.sxr) - sx * sr;
        let var_x = n * sx - sx * sx;
        let var_r = n * as_f64(self.srr) - sr * sr;
        if var_x <= 0.0 || var_r <= 0.0 {
            return None;
        }
        Some(cov / (var_x * var_r).sqrt())
    }

    /// The flags this item earns, when it has enough attempts to earn any.
    pub fn flags(&self) -> Vec<ItemFlag> {
        let mut flags = Vec::new();
        if self.n < MIN_N_FOR_FLAGS {
            return flags;
        }
        match self.facility() {
            Some(f) if f > TOO_EASY => flags.push(ItemFlag::TooEasy),
            Some(f) if f < TOO_HARD => flags.push(ItemFlag::TooHard),
            _ => {}
        }
        if self.discrimination().is_some_and(|d| d < 0.0) {
            flags.push(ItemFlag::NegativeDiscrimination);
        }
        flags
    }
}

/// Why a question deserves an author's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemFlag {
    /// Facility above [`TOO_EASY`]: nearly everyone gets it right, so it measures little.
    TooEasy,
    /// Facility below [`TOO_HARD`]: nearly everyone gets it wrong; perhaps it is wrong itself.
    TooHard,
    /// Strong learners get it wrong more often than weak ones: often a wrong key or an
    /// ambiguous wording.
    NegativeDiscrimination,
}

impl ItemFlag {
    /// A short label in Danish or English.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            ItemFlag::TooEasy => lang.pick("for let", "too easy"),
            ItemFlag::TooHard => lang.pick("for svær", "too hard"),
            ItemFlag::NegativeDiscrimination => {
                lang.pick("negativ diskrimination", "negative discrimination")
            }
        }
    }

    /// What the flag means and what to do, in plain words for a course author.
    pub fn explain(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            ItemFlag::TooEasy => lang.pick(
                "Næsten alle svarer rigtigt (over 90 %), så spørgsmålet skiller ikke dem, der ved det, fra dem, der ikke gør: gør de forkerte svarmuligheder mere troværdige.",
                "Nearly everyone answers correctly (over 90%), so the question does not tell those who know from those who do not: make the wrong choices more plausible.",
            ),
            ItemFlag::TooHard => lang.pick(
                "Næsten alle svarer forkert (under 20 %): tjek svarnøglen, og om lektionen faktisk lærer det, der spørges om.",
                "Nearly everyone answers wrongly (under 20%): check the answer key, and whether the lesson teaches what is asked.",
            ),
            ItemFlag::NegativeDiscrimination => lang.pick(
                "De stærkeste deltagere svarer oftere forkert end de svageste: tjek formuleringen og svarnøglen.",
                "The strongest learners get it wrong more often than the weakest: check the wording and the answer key.",
            ),
        }
    }
}

/// Sums for one module's test over first attempts that asked exactly `slots` questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestAcc {
    /// Number of questions per attempt (the module's draw).
    pub slots: usize,
    /// Attempts counted.
    pub n: u64,
    /// Σ T, T the attempt's score.
    pub st: u64,
    /// Σ T².
    pub stt: u64,
    /// Per slot, Σ x (x² = x).
    pub slot_sx: Vec<u64>,
}

impl TestAcc {
    /// An empty accumulator for a test of `slots` questions.
    pub fn new(slots: usize) -> Self {
        Self {
            slots,
            n: 0,
            st: 0,
            stt: 0,
            slot_sx: vec![0; slots],
        }
    }

    /// Adds one attempt's marks in the order asked; an attempt of another length is not
    /// comparable slot by slot and is left out (returns false).
    pub fn add(&mut self, marks: &[bool]) -> bool {
        if marks.len() != self.slots {
            return false;
        }
        let t: u64 = marks.iter().map(|&m| u64::from(m)).sum();
        self.n += 1;
        self.st += t;
        self.stt += t * t;
        for (acc, &m) in self.slot_sx.iter_mut().zip(marks) {
            *acc += u64::from(m);
        }
        true
    }

    /// Adds another accumulator's sums; both must have the same number of slots.
    pub fn merge(&mut self, other: &TestAcc) {
        if other.slots != self.slots {
            return;
        }
        self.n += other.n;
        self.st += other.st;
        self.stt += other.stt;
        for (a, b) in self.slot_sx.iter_mut().zip(&other.slot_sx) {
            *a += b;
        }
    }

    /// The mean score as a share of the maximum, 0–1.
    pub fn mean_share(&self) -> Option<f64> {
        (self.n > 0 && self.slots > 0)
            .then(|| as_f64(self.st) / as_f64(self.n) / as_f64(self.slots as u64))
    }

    /// The sample standard deviation of the score as a share of the maximum.
    pub fn sd_share(&self) -> Option<f64> {
        let var = self.var_total()?;
        (self.slots > 0).then(|| var.sqrt() / as_f64(self.slots as u64))
    }

    fn var_total(&self) -> Option<f64> {
        sample_var(self.n, self.st, self.stt)
    }

    /// Cronbach's alpha: P/(P−1) · (1 − Σ var(slot) / var(total)); `None` with fewer than
    /// two slots, fewer than two attempts, or no variance in the totals.
    pub fn alpha(&self) -> Option<f64> {
        if self.slots < 2 {
            return None;
        }
        let var_t = self.var_total()?;
        if var_t <= 0.0 {
            return None;
        }
        let sum_var: f64 = self
            .slot_sx
            .iter()
            .map(|&s| sample_var(self.n, s, s).unwrap_or(0.0))
            .sum();
        let p = as_f64(self.slots as u64);
        Some(p / (p - 1.0) * (1.0 - sum_var / var_t))
    }
}

/// Sample variance from n, Σ v and Σ v².
fn sample_var(n: u64, s: u64, ss: u64) -> Option<f64> {
    if n < 2 {
        return None;
    }
    let (nf, sf) = (as_f64(n), as_f64(s));
    Some((nf * as_f64(ss) - sf * sf) / (nf * (nf - 1.0)))
}

/// A count as `f64` (every module of the report that computes with counts uses this one).
#[expect(
    clippy::cast_precision_loss,
    reason = "counts in this program stay far below 2^53, where f64 is exact"
)]
pub(crate) fn as_f64(v: u64) -> f64 {
    v as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Four attempts of a three-question test, by hand:
    ///
    /// | attempt | q1 | q2 | q3 | T |
    /// |---------|----|----|----|---|
    /// | A       | 1  | 1  | 1  | 3 |
    /// | B       | 1  | 1  | 0  | 2 |
    /// | C       | 1  | 0  | 0  | 1 |
    /// | D       | 0  | 0  | 0  | 0 |
    const TABLE: [[bool; 3]; 4] = [
        [true, true, true],
        [true, true, false],
        [true, false, false],
        [false, false, false],
    ];

    fn items() -> [ItemAcc; 3] {
        let mut acc = [ItemAcc::default(); 3];
        for row in TABLE {
            let score = u32::try_from(row.iter().filter(|&&m| m).count()).expect("three at most");
            for (a, &m) in acc.iter_mut().zip(&row) {
                a.add(m, score);
            }
        }
        acc
    }

    #[test]
    fn facility_is_the_mean_mark() {
        let [q1, q2, q3] = items();
        assert!(close(q1.facility().expect("present"), 0.75));
        assert!(close(q2.facility().expect("present"), 0.5));
        assert!(close(q3.facility().expect("present"), 0.25));
    }

    #[test]
    fn discrimination_correlates_with_the_rest_of_the_test() {
        // q1: x = 1,1,1,0; rest R = 2,1,0,0. mean x = 0.75, mean R = 0.75.
        // Σ(x−x̄)(R−R̄) = .25·1.25 + .25·.25 + .25·(−.75) + (−.75)(−.75) = 0.75
        // Σ(x−x̄)² = 3·.0625 + .5625 = 0.75; Σ(R−R̄)² = 1.5625+.0625+.5625+.5625 = 2.75
        // r = 0.75 / √(0.75·2.75) = 0.52223…
        let [q1, q2, _] = items();
        assert!(close(
            q1.discrimination().expect("present"),
            0.75 / (0.75f64 * 2.75).sqrt()
        ));
        // q2: x = 1,1,0,0; R = 2,1,1,0. x̄ = .5, R̄ = 1. Σ = .5·1 + .5·0 + (−.5)·0 + (−.5)(−1) = 1
        // Σ(x−x̄)² = 1; Σ(R−R̄)² = 2; r = 1/√2.
        assert!(close(
            q2.discrimination().expect("present"),
            1.0 / 2f64.sqrt()
        ));
    }

    #[test]
    fn a_question_strong_learners_miss_discriminates_negatively() {
        let mut q = ItemAcc::default();
        // Strong learners (high rest) get it wrong, weak ones right.
        for _ in 0..20 {
            q.add(false, 9);
            q.add(true, 2);
        }
        assert!(q.discrimination().expect("present") < 0.0);
        assert_eq!(q.flags(), vec![ItemFlag::NegativeDiscrimination]);
    }

    #[test]
    fn flags_need_enough_attempts() {
        let mut easy = ItemAcc::default();
        for i in 0..(MIN_N_FOR_FLAGS - 1) {
            easy.add(true, 5 + u32::from(i % 2 == 0));
        }
        assert!(easy.flags().is_empty(), "29 attempts are too few to flag");
        easy.add(true, 5);
        assert_eq!(easy.flags(), vec![ItemFlag::TooEasy]);
        let mut hard = ItemAcc::default();
        for i in 0..40 {
            hard.add(i == 0, 3);
        }
        assert!(hard.flags().contains(&ItemFlag::TooHard));
    }

    #[test]
    fn no_variance_means_no_discrimination() {
        let mut q = ItemAcc::default();
        q.add(true, 3);
        q.add(true, 2);
        assert_eq!(q.discrimination(), None);
    }

    #[test]
    fn alpha_mean_and_sd_of_a_small_test() {
        let mut t = TestAcc::new(3);
        for row in TABLE {
            assert!(t.add(&row));
        }
        assert!(!t.add(&[true]), "an attempt of another length is left out");
        // T = 3,2,1,0: mean 1.5 → share 0.5; sample var = (2.25+.25+.25+2.25)/3 = 5/3.
        assert!(close(t.mean_share().expect("present"), 0.5));
        assert!(close(
            t.sd_share().expect("present"),
            (5.0f64 / 3.0).sqrt() / 3.0
        ));
        // Item sample variances: q1 = q3 = 0.25 (3/4·1/4·4/3), q2 = 1/3.
        // Σ = 0.25 + 1/3 + 0.25 = 5/6. alpha = 3/2 · (1 − (5/6)/(5/3)) = 0.75.
        assert!(close(t.alpha().expect("present"), 0.75));
    }

    #[test]
    fn merging_equals_adding_everything_once() {
        let mut whole = TestAcc::new(3);
        let mut a = TestAcc::new(3);
        let mut b = TestAcc::new(3);
        for (i, row) in TABLE.iter().enumerate() {
            whole.add(row);
            if i % 2 == 0 {
                a.add(row)
            } else {
                b.add(row)
            };
        }
        a.merge(&b);
        assert_eq!(a, whole);
    }

    #[test]
    fn alpha_needs_variance() {
        let mut t = TestAcc::new(2);
        t.add(&[true, true]);
        t.add(&[true, true]);
        assert_eq!(t.alpha(), None);
        assert_eq!(TestAcc::new(1).alpha(), None);
    }
}
