//! The texts only the plain line mode needs, in Danish and English: prompts, answers it could
//! not understand, what happens when the input ends, and `bevidst status`. Everything the
//! journey shows in both interfaces comes from `app::texts`; these name what to *type*, which
//! differs from the keys of the terminal UI.

use crate::lang::Lang;

/// The fixed texts of one language.
// No doc per field: each field's name says where it is used.
pub struct Texts {
    pub help_suffix: &'static str,
    pub type_answer: &'static str,
    pub save_answers: &'static str,
    pub choose_module: &'static str,
    pub lesson_next: &'static str,
    pub lesson_last: &'static str,
    pub yes_no: &'static str,
    pub result_review: &'static str,
    pub result_save_again: &'static str,
    pub review_next: &'static str,
    pub review_last: &'static str,
    pub settings_choose: &'static str,
    pub multiple: &'static str,
    pub empty_answer: &'static str,
    pub last_question: &'static str,
    pub first_question: &'static str,
    pub error_prefix: &'static str,
    pub commands: &'static str,
    pub general: &'static str,
    pub text_commands: &'static str,
    pub ended_first_start: &'static str,
    pub ended_quiz: &'static str,
    pub ended_result: &'static str,
    pub ended_setting: &'static str,
    pub line_too_long: &'static str,
    pub not_set_up: &'static str,
    pub next_module: &'static str,
}

const DA: Texts = Texts {
    help_suffix: "? for hjælp",
    type_answer: "Skriv dit svar",
    save_answers: "Gem svarene? Skriv j for ja eller n for at rette dem",
    choose_module: "Skriv nummeret på et modul",
    lesson_next: "Tryk Enter for næste side",
    lesson_last: "Tryk Enter for at tage quizzen",
    yes_no: "Skriv j for ja eller n for nej",
    result_review: "Tryk Enter for gennemgangen",
    result_save_again: "Tryk Enter for at gemme resultatet igen",
    review_next: "Tryk Enter for næste spørgsmål",
    review_last: "Tryk Enter for at gå tilbage til resultatet",
    settings_choose: "Skriv nummeret på det, du vil ændre",
    multiple: "Svar med alle de tal, der passer, adskilt af komma, fx 1,3",
    empty_answer: "Skriv dit svar som tal, fx 2. Skriv næste for at springe spørgsmålet over.",
    last_question: "Det er det sidste spørgsmål. Svar på det for at aflevere.",
    first_question: "Det er det første spørgsmål.",
    error_prefix: "Svaret blev ikke godkendt:",
    commands: "Det kan du skrive her:",
    general: "Det kan du altid skrive:",
    text_commands: "Vil du svare med et ord, der også er en kommando, så skriv = foran, fx =tilbage.",
    ended_first_start: "Inddata sluttede, før dine svar var gemt. Der er ikke gemt noget.",
    ended_quiz: "Inddata sluttede midt i quizzen. Der er ikke registreret noget.",
    ended_result: "Inddata sluttede, før resultatet var gemt. Det er ikke registreret.",
    ended_setting: "Inddata sluttede, før ændringen var gemt. Den er ikke gemt.",
    line_too_long: "Linjen er for lang. Skriv ? for at se, hvad du kan skrive.",
    not_set_up: "bevidst er ikke sat op endnu: start bevidst og besvar de første spørgsmål; derefter skal introduktionen tages.",
    next_module: "Næste modul:",
};

const EN: Texts = Texts {
    help_suffix: "? for help",
    type_answer: "Type your answer",
    save_answers: "Save your answers? Type y for yes or n to change them",
    choose_module: "Type the number of a module",
    lesson_next: "Press Enter for the next page",
    lesson_last: "Press Enter to take the quiz",
    yes_no: "Type y for yes or n for no",
    result_review: "Press Enter for the review",
    result_save_again: "Press Enter to save the result again",
    review_next: "Press Enter for the next question",
    review_last: "Press Enter to go back to the result",
    settings_choose: "Type the number of what you want to change",
    multiple: "Answer with every number that applies, separated by commas, e.g. 1,3",
    empty_answer: "Type your answer as a number, e.g. 2. Type next to skip the question.",
    last_question: "This is the last question. Answer it to hand in.",
    first_question: "This is the first question.",
    error_prefix: "The answer was not accepted:",
    commands: "What you can type here:",
    general: "What you can always type:",
    text_commands: "To answer with a word that is also a command, type = before it, e.g. =back.",
    ended_first_start: "The input ended before your answers were saved. Nothing was saved.",
    ended_quiz: "The input ended in the middle of the quiz. Nothing was recorded.",
    ended_result: "The input ended before the result was saved. It was not recorded.",
    ended_setting: "The input ended before the change was saved. It was not saved.",
    line_too_long: "The line is too long. Type ? to see what you can type.",
    not_set_up: "bevidst is not set up yet: start bevidst and answer the first questions; then the onboarding module is due.",
    next_module: "Next module:",
};

/// The fixed texts in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

/// A prompt: what to type, how to get help, and the colon the answer follows.
pub fn prompt(lang: Lang, what: &str) -> String {
    format!("{what} ({}): ", texts(lang).help_suffix)
}

/// "Skriv dit svar, eller tryk Enter for at beholde »jens«".
pub fn keep_text(lang: Lang, current: &str) -> String {
    match lang {
        Lang::Da => format!("Skriv dit svar, eller tryk Enter for at beholde »{current}«"),
        Lang::En => format!("Type your answer, or press Enter to keep “{current}”"),
    }
}

/// "Skriv et tal fra 1 til 7, eller tryk Enter for at beholde Dansk".
pub fn keep_choice(lang: Lang, max: usize, current: &str) -> String {
    match lang {
        Lang::Da => {
            format!("Skriv et tal fra 1 til {max}, eller tryk Enter for at beholde {current}")
        }
        Lang::En => format!("Type a number from 1 to {max}, or press Enter to keep {current}"),
    }
}

/// "Skriv et tal fra 1 til 7", when nothing is chosen yet.
pub fn choose_from(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Da => format!("Skriv et tal fra 1 til {max}"),
        Lang::En => format!("Type a number from 1 to {max}"),
    }
}

/// "Skriv et modulnummer, eller tryk Enter for modul 2".
pub fn choose_module_or(lang: Lang, next: usize) -> String {
    match lang {
        Lang::Da => format!("Skriv nummeret på et modul, eller tryk Enter for modul {next}"),
        Lang::En => format!("Type the number of a module, or press Enter for module {next}"),
    }
}

/// "Svar med ét tal fra 1 til 4".
pub fn one_number(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Da => format!("Svar med ét tal fra 1 til {max}"),
        Lang::En => format!("Answer with one number from 1 to {max}"),
    }
}

/// "Svar 1 for Sandt eller 2 for Falsk".
pub fn two_choices(lang: Lang, first: &str, second: &str) -> String {
    match lang {
        Lang::Da => format!("Svar 1 for {first} eller 2 for {second}"),
        Lang::En => format!("Answer 1 for {first} or 2 for {second}"),
    }
}

/// "Skriv et tal fra 1 til 4." for a number out of range.
pub fn number_range(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Da => format!("Skriv et tal fra 1 til {max}."),
        Lang::En => format!("Type a number from 1 to {max}."),
    }
}

/// The answer to a one-answer question had several numbers.
pub fn only_one(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Da => format!("Vælg kun ét svar: skriv ét tal fra 1 til {max}."),
        Lang::En => format!("Choose only one answer: type one number from 1 to {max}."),
    }
}

/// A line that means nothing here.
pub fn not_understood(lang: Lang, line: &str) -> String {
    match lang {
        Lang::Da => {
            format!("»{line}« forstod jeg ikke her. Skriv ? for at se, hvad du kan skrive.")
        }
        Lang::En => {
            format!("“{line}” does not mean anything here. Type ? to see what you can type.")
        }
    }
}

/// "Dit svar nu: 1, 3", when returning to an answered question.
pub fn current_answer(lang: Lang, numbers: &str) -> String {
    match lang {
        Lang::Da => format!("Dit svar nu: {numbers}"),
        Lang::En => format!("Your answer now: {numbers}"),
    }
}

/// What to type on the hand-in page.
pub fn hand_in(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Da => format!(
            "Skriv aflever for at aflevere, eller et tal fra 1 til {count} for at gå tilbage til det spørgsmål"
        ),
        Lang::En => format!(
            "Type submit to hand in, or a number from 1 to {count} to go back to that question"
        ),
    }
}

/// Why piped input was given up on.
pub fn gave_up(lang: Lang, lines: usize) -> String {
    match lang {
        Lang::Da => format!(
            "bevidst stopper her: de sidste {lines} linjer ændrede ikke noget, og inddata kommer ikke fra en person ved tastaturet. Det, der ikke var afsluttet, er ikke gemt. Skriv ? for at se, hvad der kan skrives hvor."
        ),
        Lang::En => format!(
            "bevidst stops here: the last {lines} lines changed nothing, and the input does not come from a person at the keyboard. Whatever was unfinished was not saved. Type ? to see what can be typed where."
        ),
    }
}

/// The prompt under a handbook section opened from a page.
pub fn back_to_page(lang: Lang) -> &'static str {
    lang.pick(
        "Tryk Enter for at gå tilbage til siden",
        "Press Enter to go back to the page",
    )
}
