use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::course::parse_module;

fn example() -> Module {
    let src = include_str!("../../tests/fixtures/valid/eksempel.ron");
    parse_module("eksempel.ron", src.as_bytes())
        .expect("the example fixture is valid")
        .module
}

#[test]
fn draw_is_deterministic_for_a_seed_and_never_repeats() {
    let m = example();
    for seed in 0..50 {
        let a = draw_attempt(&m, &mut ChaCha8Rng::seed_from_u64(seed));
        let b = draw_attempt(&m, &mut ChaCha8Rng::seed_from_u64(seed));
        assert_eq!(a, b);
        assert_eq!(a.items.len(), m.draw as usize);
        let distinct: BTreeSet<usize> = a.items.iter().map(|i| i.question).collect();
        assert_eq!(distinct.len(), a.items.len());
        for item in &a.items {
            let mut order = item.order.clone();
            order.sort_unstable();
            assert_eq!(
                order,
                (0..m.questions[item.question].choices.len()).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn scoring_needs_exactly_the_correct_choices() {
    let m = example();
    let attempt = Attempt {
        module_id: m.id.clone(),
        items: vec![
            DrawnQuestion {
                question: 0,
                order: vec![0, 1],
            },
            DrawnQuestion {
                question: 1,
                order: vec![0, 1],
            },
        ],
    };
    let right = [Answer::from([1]), Answer::from([1])];
    let o = score(&m, &attempt, &right);
    assert_eq!((o.score, o.max, o.passed), (2, 2, true));
    let both = [Answer::from([0, 1]), Answer::new()];
    let o = score(&m, &attempt, &both);
    assert_eq!((o.score, o.passed), (0, false));
    let half = [Answer::from([1]), Answer::from([0])];
    assert!(
        score(&m, &attempt, &half).passed,
        "50% meets a pass mark of 50"
    );
}

#[test]
fn pass_mark_uses_exact_integer_arithmetic() {
    assert!(passes(8, 10, 80));
    assert!(!passes(7, 10, 80));
    assert!(passes(2, 3, 66));
    assert!(!passes(2, 3, 67));
    assert!(!passes(0, 0, 1));
}
