//! What every figure of the report means, in plain words: one list that the HTML page's
//! »Sådan læses tallene« and the dashboard's help both show, so they never drift apart.

use crate::lang::Lang;
use crate::report::model::Report;
use crate::report::stats::{MIN_N_FOR_FLAGS, TOO_EASY, TOO_HARD};

/// The terms and their meanings, in the report's language.
pub fn glossary(report: &Report, lang: Lang) -> Vec<(&'static str, String)> {
    let n = report.min_group;
    let pc = |v: f64| format!("{:.0}", v * 100.0);
    let da = matches!(lang, Lang::Da);
    let pick = |d: String, e: String| if da { d } else { e };
    let mut terms = people_terms(lang);
    terms.extend([
        (
            lang.pick("Vidensniveau (andel rigtige)", "Knowledge level (share correct)"),
            pick(
                "Gennemsnittet over medarbejderne af hver enkeltes andel rigtige svar i kvartalet. Hver medarbejder tæller én gang, med sit seneste forsøg af hvert modul, så den, der tager en quiz igen og igen, vejer som alle andre.".into(),
                "The mean over the learners of each one's share of correct answers in the quarter. Each learner counts once, with their latest attempt at each module, so someone who retakes a quiz again and again weighs as everyone else.".into(),
            ),
        ),
        (
            "↑ ↓ →",
            pick(
                "En pil op eller ned betyder, at ændringen siden kvartalet før er for stor til at være tilfældig: en test på medarbejdere (ikke svar) finder den signifikant på 95 %-niveau. → betyder ingen sikker ændring; i en lille forvaltning skal der en stor ændring til.".into(),
                "An arrow up or down means the change since the quarter before is too large to be chance: a test on learners (not answers) finds it significant at the 95% level. → means no certain change; in a small forvaltning it takes a large change.".into(),
            ),
        ),
        (
            lang.pick("95 %-interval", "95% interval"),
            pick(
                "Det spænd, tallet sandsynligvis ville ligge i, hvis kvartalet blev målt igen med andre medarbejdere af samme slags (Wilson-interval). Jo færre medarbejdere, jo bredere.".into(),
                "The range the figure would likely fall in if the quarter were measured again with other learners of the same kind (Wilson interval). The fewer learners, the wider.".into(),
            ),
        ),
        (
            lang.pick("I gang", "In progress"),
            pick(
                "Det kvartal, rapporten er lavet i (markeret * ved kvartalets navn i dashboardets grafer). Det er ikke slut, så tallene kan nå at ændre sig. I de små kurver (sparklines) står ░ for et kvartal, hvis tal ikke vises, og · for et kvartal uden svar.".into(),
                "The quarter the report was made in (marked * by the quarter's name in the dashboard's charts). It is not over, so its figures may still change. In a sparkline, ░ is a quarter whose figure is withheld and · a quarter without answers.".into(),
            ),
        ),
        (
            lang.pick("Andel rigtige for et spørgsmål", "Share correct for a question"),
            pick(
                format!("Andelen af første forsøg, der svarede rigtigt. Højere betyder lettere. Over {} % markeres spørgsmålet som for let, under {} % som for svært, først fra {MIN_N_FOR_FLAGS} første forsøg.", pc(TOO_EASY), pc(TOO_HARD)),
                format!("The share of first attempts that answered correctly. Higher means easier. Above {}% the question is flagged too easy, below {}% too hard, only from {MIN_N_FOR_FLAGS} first attempts on.", pc(TOO_EASY), pc(TOO_HARD)),
            ),
        ),
        (
            lang.pick("Diskrimination", "Discrimination"),
            pick(
                "Hvor godt spørgsmålet skiller dem, der kan stoffet, fra dem, der ikke kan: sammenhængen mellem at svare rigtigt her og resten af quizzen (−1 til 1). Over 0,3 er godt. Under 0 betyder, at de stærkeste deltagere oftere svarer forkert end de svageste: tjek formuleringen og svarnøglen.".into(),
                "How well the question tells those who know the material from those who do not: the correlation between answering it correctly and the rest of the quiz (−1 to 1). Above 0.3 is good. Below 0 means the strongest learners get it wrong more often than the weakest: check the wording and the answer key.".into(),
            ),
        ),
        (
            "Cronbach α",
            pick(
                "Om et moduls spørgsmål måler det samme (0 til 1). Over 0,7 er godt; lavt betyder, at spørgsmålene trækker i hver sin retning.".into(),
                "Whether a module's questions measure the same thing (0 to 1). Above 0.7 is good; low means the questions pull in different directions.".into(),
            ),
        ),
        (
            "<5",
            pick(
                format!("Gruppen har færre end {n} medarbejdere, eller dens tal kunne regnes ud af de viste tal; så vises ingen af dens tal."),
                format!("The group has fewer than {n} learners, or its figures could be worked out from the figures shown; then none of its figures are shown."),
            ),
        ),
        (
            lang.pick("Poster", "Records"),
            pick(
                "Én post pr. gennemført quizforsøg i en medarbejders log. Poster, der ikke kan verificeres, tælles ikke med og står under Problemer.".into(),
                "One record per finished quiz attempt in a learner's log. Records that do not verify are not counted and are listed under Problems.".into(),
            ),
        ),
        (
            lang.pick("Delvis", "Partly"),
            pick(
                "En fil, hvor nogle poster er talt med og andre ikke (f.eks. en afrevet sidste linje).".into(),
                "A file some of whose records were counted and some not (for instance, a torn last line).".into(),
            ),
        ),
    ]);
    terms
}

/// The terms of the overview's people: who counts as up to date, overdue, not accepted, and
/// what the rows per role are.
fn people_terms(lang: Lang) -> Vec<(&'static str, String)> {
    let da = matches!(lang, Lang::Da);
    let pick = |d: String, e: String| if da { d } else { e };
    vec![
        (
            lang.pick("Alt ajour", "All up to date"),
            pick(
                "Personen har intet modul, hvis frist er overskredet. Andelen regnes af de ansatte på medarbejderlisten; uden en liste kan den ikke gives.".into(),
                "The person has no module past its deadline. The share is of the employees on the roster; without a roster it cannot be given.".into(),
            ),
        ),
        (
            lang.pick("Forsinkede", "Overdue"),
            pick(
                "Personer med mindst ét modul, hvis frist er overskredet. En person, der mangler tre moduler, tælles én gang i overblikket; tabellen pr. modul tæller pr. modul.".into(),
                "People with at least one module past its deadline. Someone behind in three modules counts once in the overview; the table per module counts per module.".into(),
            ),
        ),
        (
            lang.pick("Forsøgt, ikke godkendt", "Attempted, not accepted"),
            pick(
                "Personen har taget quizzen, men rapporten kunne ikke godkende noget forsøg (f.eks. besvaret hurtigere, end spørgsmålene kan læses). Personen tror måske selv at være færdig.".into(),
                "The person took the quiz, but the report could not accept any attempt (for instance, answered faster than the questions can be read). The person may believe they are done.".into(),
            ),
        ),
        (
            lang.pick("Ledere, medarbejdere", "Managers, employees"),
            pick(
                "Overblikkets rækker pr. rolle tæller alle forvaltninger med, og tilsammen giver de alle ansatte. Rollen kommer fra medarbejderlistens kolonne »rolle«; uden den regnes den, der har poster fra et modul for ledere, som leder.".into(),
                "The overview's rows per role count all forvaltninger, and together they add up to all employees. The role comes from the roster's role column; without one, someone with records of a module for managers counts as a manager.".into(),
            ),
        ),
    ]
}
