//! The texts only the plain line mode needs, in Danish and English: prompts, answers it could
//! not understand, what happens when the input ends, and `bevidst status`. Everything the
//! journey shows in both interfaces comes from `app::texts`; these name what to *type*, which
//! differs from the keys of the terminal UI.

use crate::lang::Lang;

crate::text_table! {
    /// The fixed texts, in Danish and English.
    pub struct Texts;
    help_suffix:
        "? for hjælp",
        "? for help";
    type_answer:
        "Skriv dit svar",
        "Type your answer";
    save_answers:
        "Gem svarene? Skriv j for ja eller n for at rette dem",
        "Save your answers? Type y for yes or n to change them";
    choose_module:
        "Skriv nummeret på et modul",
        "Type the number of a module";
    lesson_next:
        "Tryk Enter for næste side",
        "Press Enter for the next page";
    lesson_last:
        "Tryk Enter for at tage quizzen",
        "Press Enter to take the quiz";
    yes_no:
        "Skriv j for ja eller n for nej",
        "Type y for yes or n for no";
    result_review:
        "Tryk Enter for gennemgangen",
        "Press Enter for the review";
    result_save_again:
        "Tryk Enter for at gemme resultatet igen",
        "Press Enter to save the result again";
    review_next:
        "Tryk Enter for næste spørgsmål",
        "Press Enter for the next question";
    review_last:
        "Tryk Enter for at gå tilbage til resultatet",
        "Press Enter to go back to the result";
    settings_choose:
        "Skriv nummeret på det, du vil ændre",
        "Type the number of what you want to change";
    multiple:
        "Svar med alle de tal, der passer, adskilt af komma, fx 1,3",
        "Answer with every number that applies, separated by commas, e.g. 1,3";
    error_prefix:
        "Svaret blev ikke godkendt:",
        "The answer was not accepted:";
    commands:
        "Det kan du skrive her:",
        "What you can type here:";
    general:
        "Det kan du altid skrive:",
        "What you can always type:";
    text_commands:
        "Vil du svare med et ord, der også er en kommando, så skriv = foran, fx =tilbage.",
        "To answer with a word that is also a command, type = before it, e.g. =back.";
    ended_first_start:
        "Inddata sluttede, før dine svar var gemt. Der er ikke gemt noget.",
        "The input ended before your answers were saved. Nothing was saved.";
    ended_quiz:
        "Inddata sluttede midt i quizzen. Der er ikke registreret noget.",
        "The input ended in the middle of the quiz. Nothing was recorded.";
    ended_result:
        "Inddata sluttede, før resultatet var gemt. Det er ikke registreret.",
        "The input ended before the result was saved. It was not recorded.";
    ended_setting:
        "Inddata sluttede, før ændringen var gemt. Den er ikke gemt.",
        "The input ended before the change was saved. It was not saved.";
    line_too_long:
        "Linjen er for lang. Skriv ? for at se, hvad du kan skrive.",
        "The line is too long. Type ? to see what you can type.";
    not_set_up:
        "bevidst er ikke sat op endnu: start bevidst og besvar de første spørgsmål; derefter skal introduktionen tages.",
        "bevidst is not set up yet: start bevidst and answer the first questions; then the onboarding module is due.";
    next_module:
        "Næste modul:",
        "Next module:";
    my_results_back:
        "Tryk Enter for at gå tilbage til oversigten",
        "Press Enter to go back to the overview";
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
