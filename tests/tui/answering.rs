//! Answering a quiz by messages: an answer is always the learner's own choice, the last
//! question leads to a hand-in page, handing in is asked, and a module waiting for the
//! onboarding is not started.

use bevidst::app::{Confirm, Message, Overlay, Screen};

use super::common::{Env, first_start, new_model, records, right_positions, to_quiz};

#[test]
fn enter_never_answers_for_the_learner() {
    let mut env = Env::new(5);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    to_quiz(&mut model, &mut env);
    // Ten Enters on unanswered questions: nothing is chosen, nothing moves, nothing is handed in.
    for _ in 0..10 {
        env.send(&mut model, &[Message::Confirm]);
    }
    let Screen::Quiz(q) = &model.screen else {
        panic!("still in the quiz: {:?}", model.screen);
    };
    assert_eq!((q.current, q.answered()), (0, 0));
    assert!(q.needs_answer, "the screen says to choose an answer");
    assert!(records(&env).is_empty());
}

#[test]
fn the_last_question_leads_to_a_hand_in_page_and_handing_in_is_asked() {
    let mut env = Env::new(5);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    to_quiz(&mut model, &mut env);
    // Skip to the last question and answer it.
    env.send(&mut model, &[Message::Next, Message::Next]);
    let (_, wrong) = right_positions(&model);
    env.send(
        &mut model,
        &[Message::Answer(vec![wrong[0]]), Message::Confirm],
    );
    let Screen::HandIn(page) = &model.screen else {
        panic!("the hand-in page: {:?}", model.screen);
    };
    assert_eq!(
        page.selected, 0,
        "the first unanswered question is selected"
    );
    assert_eq!(model.overlay, None, "nothing is asked yet");
    // Back to question 2 from the list, then on to the hand-in page again.
    env.send(&mut model, &[Message::Down, Message::Confirm]);
    assert!(matches!(&model.screen, Screen::Quiz(q) if q.current == 1));
    env.send(&mut model, &[Message::HandIn]);
    assert!(matches!(model.screen, Screen::HandIn(_)));
    env.send(&mut model, &[Message::HandIn]);
    assert_eq!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::HandIn { unanswered: 2 }))
    );
    env.send(&mut model, &[Message::No]);
    assert!(matches!(model.screen, Screen::HandIn(_)));
    assert!(records(&env).is_empty(), "nothing handed in yet");
    env.send(&mut model, &[Message::HandIn, Message::Yes]);
    let Screen::Result(result) = &model.screen else {
        panic!("handed in");
    };
    assert_eq!(result.outcome.score, 0, "unanswered counts as wrong");
    assert_eq!(records(&env).len(), 1);
}

#[test]
fn a_refresher_waiting_for_the_onboarding_is_not_opened_and_says_why() {
    let mut env = Env::new(1);
    let mut model = new_model();
    first_start(&mut model, &mut env);
    // The example module waits until the onboarding is passed.
    env.send(&mut model, &[Message::Last, Message::StartQuiz]);
    assert_eq!(model.screen, Screen::Home, "no quiz");
    assert!(
        model
            .notice
            .as_ref()
            .is_some_and(|n| n.text(bevidst::lang::Lang::Da).contains("introduktionen")),
        "{:?}",
        model.notice
    );
    env.send(&mut model, &[Message::Confirm]);
    assert_eq!(model.screen, Screen::Home, "no pages either");
    env.send(&mut model, &[Message::First]);
    assert_eq!(model.notice, None, "moving on clears it");
}
