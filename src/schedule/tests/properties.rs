//! Property tests: whatever the attempts, dates and rules, the schedule does not panic and
//! its status agrees with `today`.

use proptest::prelude::*;

use super::*;

fn date() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d))
}

fn finished() -> impl Strategy<Value = u64> {
    prop_oneof![any::<u64>(), 0u64..4_102_444_800]
}

fn kind() -> impl Strategy<Value = ModuleKind> {
    prop_oneof![
        Just(Onboarding),
        any::<u32>().prop_map(|every_months| Refresher { every_months }),
        (1u32..=36).prop_map(|every_months| Refresher { every_months }),
    ]
}

proptest! {
    /// Whatever the inputs, the status is consistent with `today` and nothing panics.
    #[test]
    fn statuses_agree_with_today(
        kinds in proptest::collection::vec((kind(), 1u32..4), 1..4),
        attempts in proptest::collection::vec((0usize..4, 1u32..4, finished(), any::<bool>()), 0..12),
        start in date(),
        today in date(),
        days in (any::<u32>(), any::<u32>(), any::<u32>(), any::<u32>()),
        since in proptest::option::of(date()),
    ) {
        let modules: Vec<Module> = kinds
            .iter()
            .enumerate()
            .map(|(i, &(k, v))| module(&format!("m{i}"), v, k))
            .collect();
        let attempts: Vec<FinishedAttempt> = attempts
            .iter()
            .map(|&(i, v, t, p)| attempt(&format!("m{i}"), v, t, p))
            .collect();
        let mut rules = Rules {
            onboarding_days: days.0,
            first_refresher_days: days.1,
            remind_days: days.2,
            version_grace_days: days.3,
            ..Rules::default()
        };
        if let Some(since) = since {
            rules.version_since.insert("m0".to_owned(), since);
        }
        for (_, s) in plan(&modules, &attempts, start, &rules, today) {
            match s.state {
                State::Waiting { from } => prop_assert!(from.is_none_or(|f| f > today)),
                State::Passed { on, valid_until, .. } => {
                    prop_assert!(on <= today);
                    prop_assert!(valid_until.is_none_or(|u| u >= today));
                }
                State::Due { by, .. } => prop_assert!(by >= today),
                State::Overdue { since, .. } => prop_assert!(since <= today),
            }
            if let Some(last) = s.last_attempt {
                prop_assert!(last.on <= today);
            }
            let _ = status_line(&modules[0], &s, Lang::En);
        }
    }
}
