//! Every interface text of the learner journey, in Danish and English. Fixed texts are fields of
//! [`Texts`], so a text missing in one language is a compile error; texts with values in them
//! are functions. The terminal UI and the plain line mode both take their words from here.
//!
//! Danish: plain and warm, du-form, as the municipality writes to its employees.

use jiff::civil::Date;

use crate::course::Role;
use crate::lang::Lang;
use crate::message::Bilingual as _;

crate::text_table! {
    /// The fixed texts, in Danish and English.
    pub struct Texts;
    welcome_title:
        "Velkommen",
        "Welcome";
    welcome:
        "Velkommen til bevidst. Her lærer du, hvordan du passer godt på kommunens data og systemer. Først et par spørgsmål om dig. Du bliver kun spurgt denne ene gang, og du kan altid rette svarene under Indstillinger.",
        "Welcome to bevidst. Here you learn how to take good care of the city's data and systems. First a few questions about you. You are asked only this once, and you can always change the answers under Settings.";
    field_language:
        "Sprog",
        "Language";
    field_employee_id:
        "Medarbejdernummer",
        "Employee id";
    field_forvaltning:
        "Forvaltning",
        "Administration";
    field_start_date:
        "Startdato",
        "Start date";
    field_role:
        "Rolle",
        "Role";
    ask_role:
        "Er du leder med personaleansvar?",
        "Are you a manager with personnel responsibility?";
    role_employee:
        "Medarbejder uden personaleansvar",
        "Employee without personnel responsibility";
    role_manager:
        "Leder med personaleansvar",
        "Manager with personnel responsibility";
    ask_language:
        "Hvilket sprog vil du bruge?",
        "Which language do you want to use?";
    ask_employee_id:
        "Hvad er dit medarbejdernummer? Vi har foreslået dit brugernavn; ret det, hvis det ikke passer.",
        "What is your employee id? We have suggested your user name; change it if it is not right.";
    ask_forvaltning:
        "Hvilken forvaltning arbejder du i?",
        "Which administration (forvaltning) do you work in?";
    ask_start_date:
        "Hvornår var din første arbejdsdag? Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-08-01.",
        "When was your first working day? Write the date as YYYY-MM-DD, e.g. 2025-08-01.";
    summary_title:
        "Passer det her?",
        "Is this right?";
    summary_intro:
        "Sådan har du svaret:",
        "Your answers:";
    summary_note:
        "Er alt rigtigt, så gem dine svar. Ellers kan du gå tilbage og rette dem.",
        "If everything is right, save your answers. Otherwise go back and correct them.";
    home_title:
        "Dine moduler",
        "Your modules";
    no_modules:
        "Der er ingen moduler at tage. Kontakt it-sikkerhedsfunktionen.",
        "There are no modules to take. Contact the IT-security function.";
    next_step:
        "Det er det næste, du skal tage.",
        "This is the next one to take.";
    all_done:
        "Du er helt ajour. Godt gået!",
        "You are all up to date. Well done!";
    lesson_none:
        "Modulet har ingen sider at læse; du kan gå direkte til quizzen.",
        "This module has no pages to read; you can go straight to the quiz.";
    kind_single:
        "Vælg ét svar.",
        "Choose one answer.";
    kind_multiple:
        "Vælg alle, der passer.",
        "Choose all that apply.";
    kind_true_false:
        "Sandt eller falsk?",
        "True or false?";
    confirm_title:
        "Er du sikker?",
        "Are you sure?";
    leave_quiz:
        "Vil du afbryde quizzen? Dine svar bliver ikke gemt, og der bliver ikke registreret noget.",
        "Stop the quiz? Your answers are not kept and nothing is recorded.";
    discard_unsaved:
        "Dit resultat er ikke gemt endnu. Vil du gå videre alligevel? Så bliver det ikke registreret.",
        "Your result is not saved yet. Go on anyway? Then it is not recorded.";
    result_title:
        "Dit resultat",
        "Your result";
    result_passed:
        "✓ Bestået",
        "✓ Passed";
    result_failed:
        "✗ Ikke bestået",
        "✗ Not passed";
    result_not_accepted:
        "✗ Ikke godkendt",
        "✗ Not accepted";
    well_done:
        "Godt gået! Se gerne gennemgangen af spørgsmålene.",
        "Well done! Have a look at the review of the questions.";
    try_again_soon:
        "Læs forklaringerne i gennemgangen, og prøv igen. Du kan tage quizzen igen med det samme.",
        "Read the explanations in the review and try again. You can retake the quiz right away.";
    per_area:
        "Rigtige svar pr. område",
        "Correct answers per area";
    saving:
        "Gemmer dit resultat …",
        "Saving your result …";
    receipt_label:
        "Din kvittering:",
        "Your receipt:";
    receipt_note:
        "Resultatet er gemt. Kvitteringen viser, præcis hvilket resultat der blev gemt.",
        "The result is stored. The receipt shows exactly which result was stored.";
    review_title:
        "Gennemgang",
        "Review";
    your_answer:
        "dit svar",
        "your answer";
    right_answer:
        "rigtigt svar",
        "right answer";
    not_answered:
        "Du svarede ikke på dette spørgsmål.",
        "You did not answer this question.";
    answer_right:
        "✓ Du svarede rigtigt",
        "✓ You answered correctly";
    answer_wrong:
        "✗ Du svarede forkert",
        "✗ You answered wrongly";
    settings_title:
        "Indstillinger",
        "Settings";
    settings_intro:
        "Her kan du rette dine oplysninger. Vælg den linje, du vil ændre.",
        "Here you can change your details. Choose the line you want to change.";
    saved:
        "Gemt.",
        "Saved.";
    no_questions:
        "Modulet har ingen spørgsmål. Kontakt it-sikkerhedsfunktionen.",
        "This module has no questions. Contact the IT-security function.";
    help_title:
        "Hjælp",
        "Help";
    help_intro:
        "bevidst træner dig i Københavns Kommunes it-sikkerhedspolitik. Læs siderne i et modul, og tag så quizzen. Når du består, får du en kvittering.",
        "bevidst trains you in the City of Copenhagen's IT-security policy. Read the pages of a module, then take its quiz. When you pass, you get a receipt.";
    help_this_screen:
        "På denne skærm",
        "On this screen";
    language_name:
        "Dansk",
        "English";
    go_next_page:
        "næste side",
        "next page";
    go_prev_page:
        "forrige side",
        "previous page";
    go_quiz:
        "til quizzen, når du er klar",
        "to the quiz when you are ready";
    go_next_question:
        "næste spørgsmål",
        "next question";
    go_result:
        "tilbage til resultatet",
        "back to the result";
    // »Mine resultater« (`app::my_results`).
    my_results_title:
        "Mine resultater",
        "My results";
    my_results_attempts:
        "Dine forsøg, det nyeste først",
        "Your attempts, newest first";
    my_results_validity:
        "Så længe gælder dine moduler",
        "How long your modules are valid";
    my_results_none:
        "Du har ikke afleveret nogen quiz endnu. Når du har, står dit resultat og din kvittering her.",
        "You have not handed in a quiz yet. When you have, your result and your receipt are listed here.";
    valid_for_good:
        "bestået, og det udløber ikke",
        "passed, and it does not expire";
    not_passed_yet:
        "ikke bestået endnu",
        "not passed yet";
    go_overview:
        "tilbage til oversigten",
        "back to the overview";
}

/// A role as the learner reads it: »Leder med personaleansvar«.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    let t = texts(lang);
    match role {
        Role::Employee => t.role_employee,
        Role::Manager => t.role_manager,
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

/// "6 sider · 10 spørgsmål · bestå med 80 %" (singular for one); "pass mark 80%" in English,
/// which writes no space before the per cent sign.
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
            format!("{pages} {p} · {questions} {q} · pass mark {pass_mark}%")
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
            format!("You got {score} of {max} right ({pct}%). The pass mark is {pass_mark}%.")
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

/// The note when the copy to the shared collection folder failed, at a result or at the
/// next start: that the results are stored here, and why the copy failed, once. A folder
/// out of reach is one sentence, with the operating system's reason in words where it helps
/// the learner (the folder is missing, out of reach, full), and it is retried; a copy that
/// must not be retried (something else at its name, a copy that is not this log's) says what
/// to do instead.
pub fn copy_failed(lang: Lang, why: &crate::record::RecordError) -> String {
    use crate::record::RecordError;
    let retried = |folder: &std::path::Path, source: &std::io::Error| {
        let folder = folder.display();
        let cause = os_reason(lang, source.kind());
        match lang {
            Lang::Da => format!(
                "Dine resultater er gemt på din computer, men kunne ikke kopieres til den fælles mappe {folder}{cause}; det bliver prøvet igen, næste gang du starter bevidst."
            ),
            Lang::En => format!(
                "Your results are stored on your computer, but could not be copied to the shared folder {folder}{cause}; this is tried again the next time you start bevidst."
            ),
        }
    };
    match why {
        RecordError::CollectionUnreachable { dir, source } => retried(dir, source),
        RecordError::CollectionWrite { path, source } => {
            retried(&crate::fsutil::parent_of(path), source)
        }
        RecordError::CollectionBlocked(e) => {
            let (path, reason) = (e.path().display(), e.reason(lang));
            match lang {
                Lang::Da => format!(
                    "Dine resultater er gemt på din computer, men kunne ikke kopieres til den fælles mappe, fordi {path} ikke er en log: {reason}. Kontakt it-sikkerhedsfunktionen."
                ),
                Lang::En => format!(
                    "Your results are stored on your computer, but could not be copied to the shared folder, because {path} is not a log: {reason}. Contact the IT-security function."
                ),
            }
        }
        other => match lang {
            Lang::Da => format!(
                "Dine resultater er gemt på din computer, men kunne ikke kopieres til den fælles mappe: {}.",
                other.text(lang)
            ),
            Lang::En => format!(
                "Your results are stored on your computer, but could not be copied to the shared folder: {}.",
                other.text(lang)
            ),
        },
    }
}

/// Why a folder could not be used, in words, as a clause (", fordi mappen ikke findes"); empty
/// where the operating system's reason would not help the learner.
fn os_reason(lang: Lang, kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => lang.pick(
            ", fordi mappen ikke findes",
            ", because the folder does not exist",
        ),
        K::PermissionDenied => lang.pick(
            ", fordi du ikke har adgang til den",
            ", because you have no access to it",
        ),
        K::NotADirectory => lang.pick(
            ", fordi det ikke er en mappe",
            ", because it is not a folder",
        ),
        K::StorageFull | K::QuotaExceeded => lang.pick(
            ", fordi der ikke er plads",
            ", because there is no space left",
        ),
        K::ReadOnlyFilesystem => lang.pick(
            ", fordi der kun kan læses i den",
            ", because it can only be read",
        ),
        K::TimedOut | K::NetworkUnreachable | K::HostUnreachable | K::NetworkDown => lang.pick(
            ", fordi netværket ikke svarer",
            ", because the network does not answer",
        ),
        _ => "",
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
    // Danish writes a space before the per cent sign, English does not.
    let list: Vec<String> = shares
        .iter()
        .map(|s| match lang {
            Lang::Da => format!("{s} %"),
            Lang::En => format!("{s}%"),
        })
        .collect();
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
            "1 page · 1 question · pass mark 50%"
        );
    }

    #[test]
    fn a_failed_copy_gives_the_reason_in_words_only_where_it_helps() {
        use crate::record::RecordError;
        let unreachable = |kind| RecordError::CollectionUnreachable {
            dir: "/srv/bevidst".into(),
            source: std::io::Error::from(kind),
        };
        let denied = copy_failed(Lang::En, &unreachable(std::io::ErrorKind::PermissionDenied));
        assert_eq!(
            denied,
            "Your results are stored on your computer, but could not be copied to the shared folder /srv/bevidst, because you have no access to it; this is tried again the next time you start bevidst."
        );
        let other = copy_failed(Lang::Da, &unreachable(std::io::ErrorKind::Other));
        assert!(
            other.contains("fælles mappe /srv/bevidst; det bliver prøvet igen"),
            "{other}"
        );
        let write = RecordError::CollectionWrite {
            path: "/srv/bevidst/abc.ron".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        assert!(
            copy_failed(Lang::Da, &write).contains("mappe /srv/bevidst, fordi der ikke er plads;"),
            "the folder, not the file"
        );
    }

    #[test]
    fn english_writes_per_cent_without_a_space_and_danish_with_one() {
        assert_eq!(
            score_line(Lang::En, 2, 3, 80),
            "You got 2 of 3 right (66%). The pass mark is 80%."
        );
        assert_eq!(earlier_shares(Lang::En, &[50, 100]), " · before: 50%, 100%");
        assert_eq!(earlier_shares(Lang::Da, &[50]), " · før: 50 %");
    }

    #[test]
    fn the_score_line_rounds_down() {
        assert_eq!(
            score_line(Lang::Da, 2, 3, 80),
            "Du fik 2 af 3 rigtige (66 %). Der skal 80 % til at bestå."
        );
    }
}
