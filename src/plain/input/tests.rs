use super::*;
use crate::app::Mode;

fn quiz(kind: QuestionKind, choices: &[&str], index: usize, count: usize) -> Context {
    Context::Quiz {
        kind,
        choices: choices.iter().map(|c| (*c).to_owned()).collect(),
        index,
        count,
    }
}

fn send(msgs: &[Message]) -> Parsed {
    Parsed::Send(msgs.to_vec())
}

#[test]
fn quiz_answers_are_numbers_separated_by_commas_or_spaces() {
    let multi = quiz(QuestionKind::Multiple, &["a", "b", "c", "d"], 0, 5);
    let answer = |p: Vec<usize>| send(&[Message::Answer(p), Message::Confirm]);
    assert_eq!(parse("1,3", &multi), answer(vec![0, 2]));
    assert_eq!(parse(" 3, 1 ", &multi), answer(vec![0, 2]));
    assert_eq!(
        parse("1 3 3", &multi),
        answer(vec![0, 2]),
        "duplicates count once"
    );
    assert_eq!(parse("5", &multi), Parsed::Refuse(Refusal::Range(4)));
    assert_eq!(parse("0", &multi), Parsed::Refuse(Refusal::Range(4)));
    let single = quiz(QuestionKind::Single, &["a", "b", "c"], 0, 5);
    assert_eq!(parse("2", &single), answer(vec![1]));
    assert_eq!(parse("1,2", &single), Parsed::Refuse(Refusal::OnlyOne(3)));
    assert_eq!(parse("", &single), Parsed::Refuse(Refusal::EmptyAnswer));
    assert_eq!(
        parse("b", &single),
        Parsed::Refuse(Refusal::NotUnderstood("b".into())),
        "choice words only answer true/false questions"
    );
}

#[test]
fn true_or_false_can_be_answered_by_the_word_or_its_first_letter() {
    let da = quiz(QuestionKind::TrueFalse, &["Sandt", "Falsk"], 0, 3);
    let answer = |p: usize| send(&[Message::Answer(vec![p]), Message::Confirm]);
    assert_eq!(parse("s", &da), answer(0));
    assert_eq!(parse("Falsk", &da), answer(1));
    assert_eq!(parse("F", &da), answer(1));
    assert_eq!(parse("2", &da), answer(1));
    let en = quiz(QuestionKind::TrueFalse, &["True", "False"], 0, 3);
    assert_eq!(
        parse("t", &en),
        answer(0),
        "t is true in a question, not a command"
    );
    assert_eq!(parse("false", &en), answer(1));
    assert_eq!(
        parse("x", &en),
        Parsed::Refuse(Refusal::NotUnderstood("x".into()))
    );
}

#[test]
fn skipping_and_handing_in_respect_the_ends_of_the_quiz() {
    let first = quiz(QuestionKind::Single, &["a", "b"], 0, 3);
    assert_eq!(parse("næste", &first), send(&[Message::Next]));
    assert_eq!(parse("Spring  over", &first), send(&[Message::Next]));
    assert_eq!(
        parse("forrige", &first),
        Parsed::Refuse(Refusal::FirstQuestion)
    );
    let last = quiz(QuestionKind::Single, &["a", "b"], 2, 3);
    assert_eq!(parse("skip", &last), Parsed::Refuse(Refusal::LastQuestion));
    assert_eq!(parse("previous", &last), send(&[Message::Prev]));
    // Handing in goes through the hand-in page, from any question.
    assert_eq!(parse("aflever", &first), send(&[Message::HandIn]));
    let page = Context::HandIn { count: 3 };
    assert_eq!(parse("submit", &page), send(&[Message::HandIn]));
    assert_eq!(
        parse("2", &page),
        send(&[Message::Pick(1), Message::Confirm]),
        "back to question 2"
    );
    assert_eq!(parse("4", &page), Parsed::Refuse(Refusal::Range(3)));
    assert_eq!(parse("", &page), Parsed::Refuse(Refusal::HandIn(3)));
    assert_eq!(parse("tilbage", &page), send(&[Message::Back]));
    assert_eq!(parse("afbryd", &last), send(&[Message::Back]));
    assert_eq!(parse("q", &last), send(&[Message::Quit]));
}

#[test]
fn a_text_field_takes_the_line_unless_it_is_a_command() {
    let ctx = Context::Text {
        current: "jens".into(),
        refused: false,
    };
    let set = |t: &str| send(&[Message::SetText(t.into()), Message::Confirm]);
    assert_eq!(parse(" ab12 ", &ctx), set("ab12"));
    assert_eq!(parse("", &ctx), send(&[Message::Confirm]), "Enter keeps it");
    assert_eq!(parse("tilbage", &ctx), send(&[Message::Back]));
    assert_eq!(parse("?", &ctx), Parsed::Help);
    assert_eq!(parse("afslut", &ctx), send(&[Message::Quit]));
    // Single letters are answers here: `q` is someone's id, not quit.
    assert_eq!(parse("q", &ctx), set("q"));
    // `=` makes a command word an answer.
    assert_eq!(parse("=back", &ctx), set("back"));
    // The line is the value as typed, invisible characters and all (they are refused with a
    // word when checked), never edited through what is shown.
    assert_eq!(parse("ab\u{202e}21", &ctx), set("ab\u{202e}21"));
}

#[test]
fn lists_take_a_number_or_the_start_of_a_name() {
    let ctx = Context::List {
        names: vec![
            "Socialforvaltningen".into(),
            "Sundheds- og Omsorgsforvaltningen".into(),
            "Økonomiforvaltningen".into(),
        ],
        current: None,
    };
    let pick = |i| send(&[Message::Pick(i), Message::Confirm]);
    assert_eq!(parse("3", &ctx), pick(2));
    assert_eq!(parse("ø", &ctx), pick(2));
    assert_eq!(parse("SUND", &ctx), pick(1));
    assert_eq!(
        parse("s", &ctx),
        Parsed::Refuse(Refusal::NotUnderstood("s".into())),
        "two names start with s"
    );
    assert_eq!(parse("4", &ctx), Parsed::Refuse(Refusal::Range(3)));
    assert_eq!(parse("", &ctx), send(&[Message::Confirm]));
}

#[test]
fn home_opens_a_module_by_number_or_takes_its_quiz() {
    let ctx = Context::Home {
        modules: 7,
        selected: 0,
    };
    assert_eq!(parse("", &ctx), send(&[Message::Confirm]));
    assert_eq!(
        parse("2", &ctx),
        send(&[Message::Pick(1), Message::Confirm])
    );
    assert_eq!(parse("t", &ctx), send(&[Message::StartQuiz]));
    assert_eq!(
        parse("t 3", &ctx),
        send(&[Message::Pick(2), Message::StartQuiz])
    );
    assert_eq!(parse("quiz 9", &ctx), Parsed::Refuse(Refusal::Range(7)));
    assert_eq!(parse("8", &ctx), Parsed::Refuse(Refusal::Range(7)));
    assert_eq!(parse("S", &ctx), send(&[Message::OpenSettings]));
    assert_eq!(parse("l", &ctx), send(&[Message::ToggleLanguage]));
    assert_eq!(parse("gentag", &ctx), Parsed::Repeat);
    assert_eq!(parse("exit", &ctx), send(&[Message::Quit]));
}

#[test]
fn yes_and_no_in_both_languages_and_nothing_else() {
    let ctx = Context::Confirm;
    for yes in ["j", "JA", "y", "yes"] {
        assert_eq!(parse(yes, &ctx), send(&[Message::Yes]), "{yes}");
    }
    for no in ["n", "nej", "No"] {
        assert_eq!(parse(no, &ctx), send(&[Message::No]), "{no}");
    }
    assert_eq!(parse("", &ctx), Parsed::Refuse(Refusal::YesOrNo));
    assert_eq!(parse("1", &ctx), Parsed::Refuse(Refusal::YesOrNo));
}

#[test]
fn an_empty_line_in_the_settings_changes_nothing() {
    let ctx = Context::Settings { fields: 4 };
    assert_eq!(parse("", &ctx), Parsed::Refuse(Refusal::Range(4)));
    assert_eq!(
        parse("2", &ctx),
        send(&[Message::Pick(1), Message::Confirm])
    );
    assert_eq!(parse("tilbage", &ctx), send(&[Message::Back]));
}

#[test]
fn every_word_of_the_table_is_lower_case_and_means_one_thing_per_screen() {
    // Every mode but the help and a terminal too small, which the plain mode reads through
    // to the screen under them.
    for mode in Mode::ALL
        .into_iter()
        .filter(|m| !matches!(m, Mode::Help | Mode::TooSmall))
    {
        let mut seen = std::collections::HashSet::new();
        for row in rows(mode) {
            for w in row.words {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(seen.insert(*w), "{w:?} twice on {mode:?}");
            }
        }
        assert!(
            rows(mode).any(|r| r.action == Action::Help),
            "help on {mode:?}"
        );
    }
}

#[test]
fn refusals_say_what_to_type_in_both_languages() {
    for lang in [Lang::Da, Lang::En] {
        assert!(Refusal::Range(4).text(lang).contains('1'));
        assert!(
            Refusal::NotUnderstood("x\u{1b}[31m".into())
                .text(lang)
                .contains('?')
        );
        assert!(
            !Refusal::NotUnderstood("x\u{1b}[31m".into())
                .text(lang)
                .contains('\u{1b}'),
            "typed control characters are not echoed"
        );
    }
}
