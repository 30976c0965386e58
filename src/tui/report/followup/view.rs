//! Drawing the follow-up view. Pure: reads the model and the rows, writes the frame. The
//! personal-data banner is drawn first and above everything, the help included, so the view
//! never shows names without it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Context, FollowUpData, KEYS, Model, Tab, people_shown};
use crate::app::doc::Tone;
use crate::app::wrap;
use crate::lang::Lang;
use crate::message::Bi;
use crate::report::columns as cols;
use crate::report::model::{FileProblems, PersonDue};
use crate::report::render::safe;
use crate::tui::keys;
use crate::tui::report::view::{Look, column_window, help_over, key_footer, tab_bar, too_small};
use crate::tui::theme::Theme;

/// The banner over the whole view.
pub const BANNER: Bi = Bi::new(
    "⚠ Personoplysninger om enkelte medarbejdere. Vis dem ikke på en fælles skærm.",
    "⚠ Personal data on individual employees. Do not show it on a shared screen.",
);

/// What the view's figures and words mean, for its help.
const TERMS: [(Bi, Bi); 6] = [
    (
        Bi::new("Personoplysninger", "Personal data"),
        Bi::new(
            "Visningen viser enkelte medarbejdere (med medarbejdernummer) og filer ved navn, til it-sikkerhedsfunktionens egen opfølgning. Vis den ikke på en projektor eller en fælles skærm; dashboardet (uden --followup-view) viser ingen enkeltpersoner.",
            "The view shows individual employees (by employee id) and files by name, for the IT-security function's own follow-up. Do not show it on a projector or a shared screen; the dashboard (without --followup-view) shows no individuals.",
        ),
    ),
    (
        Bi::new("Dage", "Days"),
        Bi::new(
            "Så mange dage er personens mest forsinkede modul forsinket; dagen efter fristen er dag 1. Nederst står hvert af personens moduler med sine egne dage.",
            "How many days the person's most overdue module is overdue; the day after the deadline is day 1. At the bottom, each of the person's modules is listed with its own days.",
        ),
    ),
    (
        Bi::new("Aldrig startet", "Never started"),
        Bi::new(
            "Personen står på medarbejderlisten, men har ingen poster.",
            "The person is on the roster but has no records.",
        ),
    ),
    (
        Bi::new("Forsøgt, ikke godkendt", "Attempted, not accepted"),
        Bi::new(
            "Personens seneste forsøg blev ikke godkendt (f.eks. besvaret hurtigere, end spørgsmålene kan læses), og modulet er ikke bestået siden. Personen tror måske selv at være færdig.",
            "The person's latest attempt was not accepted (for instance, answered faster than the questions can be read), and the module has not been passed since. The person may believe they are done.",
        ),
    ),
    (
        Bi::new("Ikke bestået i tide", "Not passed in time"),
        Bi::new(
            "Modulet er aldrig blevet bestået, skal fornyes, eller der er kommet en ny version af det.",
            "The module was never passed, is due for renewal, or has a new version.",
        ),
    ),
    (
        Bi::new("Filer med problemer", "Files with problems"),
        Bi::new(
            "Én række pr. fil og slags problem: hvor mange problemer, hvor mange poster der ikke tælles med, på hvilke linjer, og hvad der står om det første problem.",
            "One row per file and kind of problem: how many problems, how many records are not counted, at which lines, and what is said about the first problem.",
        ),
    ),
];

/// Draws the whole view.
pub fn view(m: &Model, d: &FollowUpData, theme: Theme, frame: &mut Frame) {
    if too_small(m.lang, theme, frame) {
        return;
    }
    let area = frame.area();
    let banner_text = BANNER.get(m.lang);
    let banner_h = if wrap::width(banner_text) <= usize::from(area.width) {
        1
    } else {
        2
    };
    let [banner, tabs, body, footer] = Layout::vertical([
        Constraint::Length(banner_h),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(banner_text)
            .style(
                theme
                    .tone(Tone::Warning)
                    .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            )
            .wrap(Wrap { trim: true }),
        banner,
    );
    tab_bar(
        Tab::ALL.iter().map(|t| t.title().get(m.lang)),
        m.tab.index(),
        theme,
        (frame, tabs),
    );
    match m.tab {
        Tab::People => people(m, d, (frame, body)),
        Tab::Files => files(m, d, (frame, body)),
    }
    key_footer(KEYS, &m.context(), m.lang, theme, (frame, footer));
    if m.help {
        help_over(
            (m.lang, m.help_scroll),
            keys::help(KEYS, &Context::Tabs, m.lang),
            TERMS
                .iter()
                .map(|(term, meaning)| (term.get(m.lang), meaning.get(m.lang).to_owned()))
                .collect(),
            theme,
            (frame, body),
        );
    }
}

/// The look of a table of the view: nothing in it is withheld, so no minimum is written.
fn look(m: &Model) -> Look {
    Look {
        lang: m.lang,
        selected: m.row(),
        min_group: 0,
    }
}

/// One row per overdue person, and the selected person's modules below.
fn people(m: &Model, d: &FollowUpData, (frame, body): (&mut Frame, Rect)) {
    let l = |b: Bi| b.get(m.lang);
    let shown = people_shown(m, d);
    let [table, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(body);
    let which = m.filter(d).map_or_else(
        || l(Bi::new("alle forvaltninger", "all forvaltninger")).to_owned(),
        safe,
    );
    let title = format!(
        " {} · {which} (f) · {} (s) ",
        l(Tab::People.title()),
        l(m.sort.words()),
    );
    column_window(
        (frame, table),
        look(m),
        (title, &cols::PEOPLE),
        (shown.len(), |i| shown[i]),
    );
    let lines = shown.get(m.row()).map_or_else(
        || vec![l(Bi::new("Ingen er forsinkede.", "No one is overdue.")).to_owned()],
        |p| person_lines(p, m.lang),
    );
    frame.render_widget(
        Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(
                " {} {} ",
                l(Bi::new("opgjort", "as of")),
                d.today
            ))),
        detail,
    );
}

/// The selected person in words: who, where and why, then each module with its days.
fn person_lines(p: &PersonDue, lang: Lang) -> Vec<String> {
    let mut lines = vec![format!(
        "{} · {} · {}",
        safe(&p.learner),
        safe(&p.forvaltning),
        p.why().words().0.get(lang)
    )];
    lines.extend(p.modules.iter().map(|module| {
        let title = safe(lang.pick(&module.title.0, &module.title.1));
        let reason = module.reason.label(lang);
        match lang {
            Lang::Da => format!("  {title}: {} dage forsinket, {reason}", module.days),
            Lang::En => format!("  {title}: {} days overdue, {reason}", module.days),
        }
    }));
    lines
}

/// The files with problems, by file and kind, and the selected group in words below.
fn files(m: &Model, d: &FollowUpData, (frame, body): (&mut Frame, Rect)) {
    let l = |b: Bi| b.get(m.lang);
    let [table, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    let title = format!(
        " {} · {} ",
        l(Tab::Files.title()),
        l(Bi::new("pr. fil og slags", "per file and kind"))
    );
    column_window(
        (frame, table),
        look(m),
        (title, &cols::FILE_PROBLEMS),
        (d.files.len(), |i| &d.files[i]),
    );
    let lines = d.files.get(m.row()).map_or_else(
        || {
            vec![
                l(Bi::new(
                    "Ingen filer med problemer.",
                    "No files with problems.",
                ))
                .to_owned(),
            ]
        },
        |g| file_lines(g, m.lang),
    );
    frame.render_widget(
        Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        detail,
    );
}

/// The selected file's problems of one kind in words.
fn file_lines(g: &FileProblems, lang: Lang) -> Vec<String> {
    let lines: Vec<String> = g.lines.iter().map(u64::to_string).collect();
    let (problems, records) = (g.problems, g.records);
    let count = match lang {
        Lang::Da => format!("Problemer: {problems} · poster ikke talt med: {records}"),
        Lang::En => format!("Problems: {problems} · records not counted: {records}"),
    };
    let at = if lines.is_empty() {
        String::new()
    } else {
        format!(" · {} {}", lang.pick("linjer:", "lines:"), lines.join(", "))
    };
    vec![
        format!("{} · {}", safe(&g.path), g.kind.label(lang)),
        format!("{count}{at}"),
        safe(&g.message),
    ]
}
