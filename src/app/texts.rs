//! Every interface text of the learner journey, in Danish and English. Fixed texts are fields of
//! [`Texts`], so a text missing in one language is a compile error; texts with values in them
//! are functions. The terminal UI and the plain line mode both take their words from here.
//!
//! Danish: plain and warm, du-form, as the municipality writes to its employees.

use jiff::civil::Date;

use crate::lang::Lang;

/// The fixed texts of one language.
// No doc per field: each field's name says where it is used.
pub struct Texts {
    pub welcome_title: &'static str,
    pub welcome: &'static str,
    pub field_language: &'static str,
    pub field_employee_id: &'static str,
    pub field_forvaltning: &'static str,
    pub field_start_date: &'static str,
    pub ask_language: &'static str,
    pub ask_employee_id: &'static str,
    pub ask_forvaltning: &'static str,
    pub ask_start_date: &'static str,
    pub summary_title: &'static str,
    pub summary_intro: &'static str,
    pub summary_note: &'static str,
    pub err_id_empty: &'static str,
    pub err_id_too_long: &'static str,
    pub err_date_unreadable: &'static str,
    pub err_date_range: &'static str,
    pub home_title: &'static str,
    pub no_modules: &'static str,
    pub next_step: &'static str,
    pub all_done: &'static str,
    pub lesson_none: &'static str,
    pub kind_single: &'static str,
    pub kind_multiple: &'static str,
    pub kind_true_false: &'static str,
    pub confirm_title: &'static str,
    pub leave_quiz: &'static str,
    pub discard_unsaved: &'static str,
    pub result_title: &'static str,
    pub result_passed: &'static str,
    pub result_failed: &'static str,
    pub result_not_accepted: &'static str,
    pub well_done: &'static str,
    pub try_again_soon: &'static str,
    pub per_area: &'static str,
    pub saving: &'static str,
    pub receipt_label: &'static str,
    pub receipt_note: &'static str,
    pub review_title: &'static str,
    pub your_answer: &'static str,
    pub right_answer: &'static str,
    pub not_answered: &'static str,
    pub answer_right: &'static str,
    pub answer_wrong: &'static str,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub saved: &'static str,
    pub no_questions: &'static str,
    pub help_title: &'static str,
    pub help_intro: &'static str,
    pub help_this_screen: &'static str,
    pub language_name: &'static str,
    pub go_next_page: &'static str,
    pub go_prev_page: &'static str,
    pub go_quiz: &'static str,
    pub go_next_question: &'static str,
    pub go_result: &'static str,
}

const DA: Texts = Texts {
    welcome_title: "Velkommen",
    welcome: "Velkommen til bevidst. Her lærer du, hvordan du passer godt på kommunens data og systemer. Først et par spørgsmål om dig. Du bliver kun spurgt denne ene gang, og du kan altid rette svarene under Indstillinger.",
    field_language: "Sprog",
    field_employee_id: "Medarbejdernummer",
    field_forvaltning: "Forvaltning",
    field_start_date: "Startdato",
    ask_language: "Hvilket sprog vil du bruge?",
    ask_employee_id: "Hvad er dit medarbejdernummer? Vi har foreslået dit brugernavn; ret det, hvis det ikke passer.",
    ask_forvaltning: "Hvilken forvaltning arbejder du i?",
    ask_start_date: "Hvornår var din første arbejdsdag? Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-08-01.",
    summary_title: "Passer det her?",
    summary_intro: "Sådan har du svaret:",
    summary_note: "Er alt rigtigt, så gem dine svar. Ellers kan du gå tilbage og rette dem.",
    err_id_empty: "Skriv dit medarbejdernummer.",
    err_id_too_long: "Medarbejdernummeret må højst have 64 tegn.",
    err_date_unreadable: "Datoen kan ikke læses. Skriv den som ÅÅÅÅ-MM-DD, fx 2025-08-01.",
    err_date_range: "Datoen ligger uden for det mulige. Tjek årstallet.",
    home_title: "Dine moduler",
    no_modules: "Der er ingen moduler at tage. Kontakt it-sikkerhedsfunktionen.",
    next_step: "Det er det næste, du skal tage.",
    all_done: "Du er helt ajour. Godt gået!",
    lesson_none: "Modulet har ingen sider at læse; du kan gå direkte til quizzen.",
    kind_single: "Vælg ét svar.",
    kind_multiple: "Vælg alle, der passer.",
    kind_true_false: "Sandt eller falsk?",
    confirm_title: "Er du sikker?",
    leave_quiz: "Vil du afbryde quizzen? Dine svar bliver ikke gemt, og der bliver ikke registreret noget.",
    discard_unsaved: "Dit resultat er ikke gemt endnu. Vil du gå videre alligevel? Så bliver det ikke registreret.",
    result_title: "Dit resultat",
    result_passed: "✓ Bestået",
    result_failed: "✗ Ikke bestået",
    result_not_accepted: "✗ Ikke godkendt",
    well_done: "Godt gået! Se gerne gennemgangen af spørgsmålene.",
    try_again_soon: "Læs forklaringerne i gennemgangen, og prøv igen. Du kan tage quizzen igen med det samme.",
    per_area: "Rigtige svar pr. område",
    saving: "Gemmer dit resultat …",
    receipt_label: "Din kvittering:",
    receipt_note: "Resultatet er gemt. Kvitteringen viser, præcis hvilket resultat der blev gemt.",
    review_title: "Gennemgang",
    your_answer: "dit svar",
    right_answer: "rigtigt svar",
    not_answered: "Du svarede ikke på dette spørgsmål.",
    answer_right: "✓ Du svarede rigtigt",
    answer_wrong: "✗ Du svarede forkert",
    settings_title: "Indstillinger",
    settings_intro: "Her kan du rette dine oplysninger. Vælg den linje, du vil ændre.",
    saved: "Gemt.",
    no_questions: "Modulet har ingen spørgsmål. Kontakt it-sikkerhedsfunktionen.",
    help_title: "Hjælp",
    help_intro: "bevidst træner dig i Københavns Kommunes it-sikkerhedspolitik. Læs siderne i et modul, og tag så quizzen. Når du består, får du en kvittering.",
    help_this_screen: "På denne skærm",
    language_name: "Dansk",
    go_next_page: "næste side",
    go_prev_page: "forrige side",
    go_quiz: "til quizzen, når du er klar",
    go_next_question: "næste spørgsmål",
    go_result: "tilbage til resultatet",
};

const EN: Texts = Texts {
    welcome_title: "Welcome",
    welcome: "Welcome to bevidst. Here you learn how to take good care of the city's data and systems. First a few questions about you. You are asked only this once, and you can always change the answers under Settings.",
    field_language: "Language",
    field_employee_id: "Employee id",
    field_forvaltning: "Administration",
    field_start_date: "Start date",
    ask_language: "Which language do you want to use?",
    ask_employee_id: "What is your employee id? We have suggested your user name; change it if it is not right.",
    ask_forvaltning: "Which administration (forvaltning) do you work in?",
    ask_start_date: "When was your first working day? Write the date as YYYY-MM-DD, e.g. 2025-08-01.",
    summary_title: "Is this right?",
    summary_intro: "Your answers:",
    summary_note: "If everything is right, save your answers. Otherwise go back and correct them.",
    err_id_empty: "Type your employee id.",
    err_id_too_long: "The employee id may have at most 64 characters.",
    err_date_unreadable: "That date cannot be read. Write it as YYYY-MM-DD, e.g. 2025-08-01.",
    err_date_range: "That date is out of range. Check the year.",
    home_title: "Your modules",
    no_modules: "There are no modules to take. Contact the IT-security function.",
    next_step: "This is the next one to take.",
    all_done: "You are all up to date. Well done!",
    lesson_none: "This module has no pages to read; you can go straight to the quiz.",
    kind_single: "Choose one answer.",
    kind_multiple: "Choose all that apply.",
    kind_true_false: "True or false?",
    confirm_title: "Are you sure?",
    leave_quiz: "Stop the quiz? Your answers are not kept and nothing is recorded.",
    discard_unsaved: "Your result is not saved yet. Go on anyway? Then it is not recorded.",
    result_title: "Your result",
    result_passed: "✓ Passed",
    result_failed: "✗ Not passed",
    result_not_accepted: "✗ Not accepted",
    well_done: "Well done! Have a look at the review of the questions.",
    try_again_soon: "Read the explanations in the review and try again. You can retake the quiz right away.",
    per_area: "Correct answers per area",
    saving: "Saving your result …",
    receipt_label: "Your receipt:",
    receipt_note: "The result is stored. The receipt shows exactly which result was stored.",
    review_title: "Review",
    your_answer: "your answer",
    right_answer: "right answer",
    not_answered: "You did not answer this question.",
    answer_right: "✓ You answered correctly",
    answer_wrong: "✗ You answered wrongly",
    settings_title: "Settings",
    settings_intro: "Here you can change your details. Choose the line you want to change.",
    saved: "Saved.",
    no_questions: "This module has no questions. Contact the IT-security function.",
    help_title: "Help",
    help_intro: "bevidst trains you in the City of Copenhagen's IT-security policy. Read the pages of a module, then take its quiz. When you pass, you get a receipt.",
    help_this_screen: "On this screen",
    language_name: "English",
    go_next_page: "next page",
    go_prev_page: "previous page",
    go_quiz: "to the quiz when you are ready",
    go_next_question: "next question",
    go_result: "back to the result",
};

/// The fixed texts in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

/// A calendar date as people write it: "1. august 2025" or "1 August 2025" (the schedule's
/// wording, so dates read the same on every screen).
pub fn date(lang: Lang, d: Date) -> String {
    crate::schedule::format_date(d, lang)
}

/// "Side 2 af 5".
pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::Da => format!("Side {page} af {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// "Trin 2 af 4".
pub fn step_of(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Da => format!("Trin {n} af {total}"),
        Lang::En => format!("Step {n} of {total}"),
    }
}

/// "Spørgsmål 3 af 10".
pub fn question_of(lang: Lang, n: usize, total: usize) -> String {
    match lang {
        Lang::Da => format!("Spørgsmål {n} af {total}"),
        Lang::En => format!("Question {n} of {total}"),
    }
}

/// "4 af 10 besvaret".
pub fn answered_of(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Da => format!("{answered} af {total} besvaret"),
        Lang::En => format!("{answered} of {total} answered"),
    }
}

/// "Du har bestået 2 af 5 moduler".
pub fn progress(lang: Lang, passed: usize, total: usize) -> String {
    match lang {
        Lang::Da => format!("Du har bestået {passed} af {total} moduler"),
        Lang::En => format!("You have passed {passed} of {total} modules"),
    }
}

/// "Ud over politikken – kilde: ISO/IEC 27002": content that is good practice or law, not the
/// policy's own words.
pub fn beyond_policy(lang: Lang, source: &str) -> String {
    match lang {
        Lang::Da => format!("Ud over politikken – kilde: {source}"),
        Lang::En => format!("Beyond the policy – source: {source}"),
    }
}

/// "6 sider · 10 spørgsmål · bestå med 80 %" (singular for one).
pub fn module_facts(lang: Lang, pages: usize, questions: u32, pass_mark: u32) -> String {
    match lang {
        Lang::Da => {
            let sider = if pages == 1 { "side" } else { "sider" };
            format!("{pages} {sider} · {questions} spørgsmål · bestå med {pass_mark} %")
        }
        Lang::En => {
            let p = if pages == 1 { "page" } else { "pages" };
            let q = if questions == 1 {
                "question"
            } else {
                "questions"
            };
            format!("{pages} {p} · {questions} {q} · pass mark {pass_mark} %")
        }
    }
}

/// The score line of the result screen.
pub fn score_line(lang: Lang, score: u32, max: u32, pass_mark: u32) -> String {
    let pct = if max == 0 {
        0
    } else {
        u64::from(score) * 100 / u64::from(max)
    };
    match lang {
        Lang::Da => format!(
            "Du fik {score} af {max} rigtige ({pct} %). Der skal {pass_mark} % til at bestå."
        ),
        Lang::En => {
            format!("You got {score} of {max} right ({pct} %). The pass mark is {pass_mark} %.")
        }
    }
}

/// The warning before handing in with unanswered questions.
pub fn unanswered_warning(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Da, 1) => "Du har ikke svaret på 1 spørgsmål. Et ubesvaret spørgsmål tæller som forkert. Vil du aflevere alligevel?".into(),
        (Lang::Da, n) => format!("Du har ikke svaret på {n} spørgsmål. Ubesvarede spørgsmål tæller som forkerte. Vil du aflevere alligevel?"),
        (Lang::En, 1) => "You have not answered 1 question. An unanswered question counts as wrong. Hand in anyway?".into(),
        (Lang::En, n) => format!("You have not answered {n} questions. Unanswered questions count as wrong. Hand in anyway?"),
    }
}

/// Why the result could not be stored, and what to do.
pub fn save_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Resultatet kunne ikke gemmes: {why}. Prøv at gemme det igen. Bliver det ved, så kontakt it-supporten; gå ikke fra resultatet, før det er gemt."
        ),
        Lang::En => format!(
            "The result could not be saved: {why}. Try saving it again. If it keeps failing, contact IT support; do not leave the result before it is saved."
        ),
    }
}

/// Why an attempt does not count (`why` is the verdict's reason), and that the learner can
/// take the quiz again.
pub fn not_accepted(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Forsøget er gemt, men det tæller ikke med: {why}. Du kan tage quizzen igen, når du er klar."
        ),
        Lang::En => format!(
            "The attempt is saved, but it does not count: {why}. You can take the quiz again when you are ready."
        ),
    }
}

/// The note when the copy to the shared collection folder failed.
pub fn copy_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Resultatet er gemt på din computer, men kopien til den fælles mappe lykkedes ikke ({why}). Den bliver prøvet igen, næste gang du starter bevidst."
        ),
        Lang::En => format!(
            "The result is stored on your computer, but the copy to the shared folder failed ({why}). It is retried the next time you start bevidst."
        ),
    }
}

/// Why the quiz about to start will not be saved: the data folder cannot be written to.
pub fn cannot_save(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Dit resultat kan ikke gemmes på denne computer, fordi der ikke kan skrives i din datamappe ({why}). Du kan tage quizzen for at øve dig, men den bliver ikke registreret. Kontakt din it-support."
        ),
        Lang::En => format!(
            "Your result cannot be saved on this computer, because your data folder cannot be written to ({why}). You can take the quiz to practise, but it will not be recorded. Contact your IT support."
        ),
    }
}

/// Why the settings could not be stored.
pub fn config_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Dine oplysninger kunne ikke gemmes: {why}. Du kan fortsætte, men bliver spurgt igen næste gang."
        ),
        Lang::En => format!(
            "Your details could not be saved: {why}. You can go on, but you will be asked again next time."
        ),
    }
}

/// A character the employee id may not contain.
pub fn err_id_char(lang: Lang, c: char) -> String {
    let rule = lang.pick(
        "Brug bogstaverne a–z, tal, punktum, bindestreg og understreg.",
        "Use the letters a–z, digits, dot, hyphen and underscore.",
    );
    // An invisible character (a control or a direction mark copied along with the id) is
    // named by its code, since showing it would show nothing, or turn the text around.
    let invisible = c.is_control() || crate::safe_text::forbidden_char(c).is_some();
    match (lang, c.is_whitespace()) {
        (Lang::Da, _) if invisible => format!(
            "Medarbejdernummeret indeholder et usynligt tegn (U+{:04X}), fx fra kopieret tekst. Skriv det igen. {rule}",
            u32::from(c)
        ),
        (Lang::En, _) if invisible => format!(
            "The employee id contains an invisible character (U+{:04X}), e.g. from copied text. Type it again. {rule}",
            u32::from(c)
        ),
        (Lang::Da, true) => format!("Medarbejdernummeret må ikke indeholde mellemrum. {rule}"),
        (Lang::En, true) => format!("The employee id may not contain spaces. {rule}"),
        (Lang::Da, false) => format!("Tegnet »{c}« kan ikke bruges. {rule}"),
        (Lang::En, false) => format!("The character “{c}” cannot be used. {rule}"),
    }
}

/// "Rigtige svar: 2 af 3".
pub fn area_score(lang: Lang, right: u32, asked: u32) -> String {
    match lang {
        Lang::Da => format!("{right} af {asked}"),
        Lang::En => format!("{right} of {asked}"),
    }
}

/// The learner's share of right answers in an area in earlier attempts, oldest first, as a
/// suffix of the result's per-area line: " · før: 50 %, 100 %".
pub fn earlier_shares(lang: Lang, shares: &[u32]) -> String {
    if shares.is_empty() {
        return String::new();
    }
    let list: Vec<String> = shares.iter().map(|s| format!("{s} %")).collect();
    match lang {
        Lang::Da => format!(" · før: {}", list.join(", ")),
        Lang::En => format!(" · before: {}", list.join(", ")),
    }
}

/// The learner line on the home screen.
pub fn learner_line(lang: Lang, id: &str, forvaltning: &str) -> String {
    match lang {
        Lang::Da => format!("Medarbejdernummer {id} · {forvaltning}"),
        Lang::En => format!("Employee id {id} · {forvaltning}"),
    }
}

/// Shown when the terminal is smaller than the interface needs.
pub fn too_small(lang: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    match lang {
        Lang::Da => {
            format!("Terminalen er for lille ({w}×{h}). Gør vinduet mindst {min_w}×{min_h}.")
        }
        Lang::En => format!(
            "The terminal is too small ({w}×{h}). Make the window at least {min_w}×{min_h}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        let d = jiff::civil::date(2025, 8, 1);
        assert_eq!(date(Lang::Da, d), "1. august 2025");
        assert_eq!(date(Lang::En, d), "1 August 2025");
    }

    #[test]
    fn one_page_is_singular() {
        assert_eq!(
            module_facts(Lang::Da, 1, 2, 50),
            "1 side · 2 spørgsmål · bestå med 50 %"
        );
        assert_eq!(
            module_facts(Lang::En, 1, 1, 50),
            "1 page · 1 question · pass mark 50 %"
        );
    }

    #[test]
    fn the_score_line_rounds_down() {
        assert_eq!(
            score_line(Lang::Da, 2, 3, 80),
            "Du fik 2 af 3 rigtige (66 %). Der skal 80 % til at bestå."
        );
    }
}
