//! The questions, overdue and problems tabs: long lists, drawn as windows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Columns, Model, Theme, window};
use crate::report::model::Report;
use crate::report::render::{num2, opt, opt_pct, safe};

pub(super) fn questions(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    // Flagged questions first: they are what an author comes here for.
    let order: Vec<usize> = (0..r.questions.len())
        .filter(|&i| !r.questions[i].flags.is_empty())
        .chain((0..r.questions.len()).filter(|&i| r.questions[i].flags.is_empty()))
        .collect();
    let flagged = r.questions.iter().filter(|q| !q.flags.is_empty()).count();
    let title = format!(
        " {} · {flagged} {} ",
        l("Spørgsmål, første forsøg", "Questions, first attempts"),
        l("markeret ⚑", "flagged ⚑")
    );
    let _ = theme;
    window(
        frame,
        body,
        Columns {
            title,
            header: vec![
                l("Spørgsmål", "Question"),
                "n",
                l("Rigtige", "Facility"),
                "Diskr.",
                l("Markering", "Flag"),
            ],
            widths: &[
                Constraint::Fill(1),
                Constraint::Length(6),
                Constraint::Length(9),
                Constraint::Length(7),
                Constraint::Fill(1),
            ],
        },
        (r.questions.len(), m.row()),
        |i| {
            let q = &r.questions[order[i]];
            let flags = q
                .flags
                .iter()
                .map(|f| f.label(m.lang))
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                q.id.clone(),
                opt(r, q.n),
                opt_pct(r, m.lang, q.facility),
                q.discrimination
                    .map_or_else(|| "–".into(), |d| num2(m.lang, d)),
                if flags.is_empty() {
                    String::new()
                } else {
                    format!("⚑ {flags}")
                },
            ]
        },
    );
}

pub(super) fn overdue(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    window(
        frame,
        body,
        Columns {
            title: l(
                " Forsinkede (hvem, ikke hvordan de klarede sig) ",
                " Overdue (who, not how they did) ",
            )
            .into(),
            header: vec![
                l("Medarbejder", "Employee"),
                "Forvaltning",
                l("Modul", "Module"),
                l("Siden", "Since"),
                l("Hvorfor", "Why"),
            ],
            widths: &[
                Constraint::Length(12),
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(11),
                Constraint::Length(15),
            ],
        },
        (r.overdue.len(), m.row()),
        |i| {
            let o = &r.overdue[i];
            vec![
                o.learner.to_string(),
                o.forvaltning.to_string(),
                o.module.to_string(),
                o.since.to_string(),
                o.reason.label(m.lang).into(),
            ]
        },
    );
}

pub(super) fn problems(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    window(
        frame,
        list,
        Columns {
            title: l(" Ikke talt med ", " Not counted ").into(),
            header: vec![
                l("Hvor", "Where"),
                l("Slags", "Kind"),
                l("Poster", "Records"),
            ],
            widths: &[
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(8),
            ],
        },
        (r.problems.len(), m.row()),
        |i| {
            let p = &r.problems[i];
            let at = p
                .line
                .map_or_else(|| p.path.clone(), |n| format!("{}:{n}", p.path));
            vec![at, p.kind.label(m.lang).into(), p.records.to_string()]
        },
    );
    let text = r.problems.get(m.row()).map_or_else(
        || l("Ingen problemer.", "No problems.").to_owned(),
        |p| safe(&p.message),
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered()),
        detail,
    );
}
