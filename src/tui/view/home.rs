//! The home screen: who the learner is, overall progress, every module with its status (the
//! next one to take preselected), and the selected module's summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{ListItem, ListState, Paragraph};

use super::wrapped;
use crate::app::doc::Tone;
use crate::app::texts::{self, texts};
use crate::app::{Model, status, wrap};
use crate::safe_text::sanitize;
use crate::schedule::{State, Status};
use crate::tui::theme::Theme;

/// Width of the overall progress bar, in cells.
const BAR_CELLS: usize = 20;

pub(super) fn render(model: &Model, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let t = texts(lang);
    if model.courses.modules.is_empty() {
        let (text, _) = wrapped(t.no_modules, theme.tone(Tone::Warning), area.width);
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let statuses = model.statuses();
    let (passed, total) = model.progress();
    let list_h = u16::try_from(statuses.len()).unwrap_or(u16::MAX);
    let [who, progress, _g1, list_area, _g2, detail] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Max(list_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    if let Some(learner) = &model.config.learner {
        let line = texts::learner_line(
            lang,
            &sanitize(&learner.employee_id, true),
            &sanitize(&learner.forvaltning, true),
        );
        frame.render_widget(Line::styled(line, theme.tone(Tone::Muted)), who);
    }
    frame.render_widget(progress_line(passed, total, lang, theme), progress);
    module_list(model, &statuses, theme, frame, list_area);
    details(model, &statuses, theme, frame, detail);
}

/// "Du har bestået 1 af 3 moduler ■■■■■■□□□□…": filled and empty cells differ by shape, so
/// the bar reads without colour.
fn progress_line(
    passed: usize,
    total: usize,
    lang: crate::lang::Lang,
    theme: Theme,
) -> Line<'static> {
    let filled = if total == 0 {
        0
    } else {
        (passed * BAR_CELLS).div_ceil(total).min(BAR_CELLS)
    };
    Line::from(vec![
        Span::styled(
            texts::progress(lang, passed, total),
            theme.tone(Tone::Heading),
        ),
        Span::raw("  "),
        Span::styled("■".repeat(filled), theme.tone(Tone::Right)),
        Span::styled("□".repeat(BAR_CELLS - filled), theme.tone(Tone::Muted)),
    ])
}

fn status_tone(status: &Status) -> Tone {
    match status.state {
        State::Passed { .. } => Tone::Right,
        State::Overdue { .. } => Tone::Wrong,
        State::Due { .. } => Tone::Warning,
        State::Waiting { .. } => Tone::Text,
    }
}

fn module_list(model: &Model, statuses: &[Status], theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let titles: Vec<String> = model
        .courses
        .modules
        .iter()
        .map(|m| sanitize(m.module.title.get(lang), true))
        .collect();
    // The statuses in a few words (the selected one in full under the list), and the titles
    // in the room they leave after the highlight symbol (2) and the status symbol (2).
    let briefs: Vec<String> = statuses
        .iter()
        .map(|st| status::brief(st, lang, model.today))
        .collect();
    let room = usize::from(area.width).saturating_sub(4);
    let longest = titles.iter().map(|t| wrap::width(t)).max().unwrap_or(0);
    let longest_brief = briefs.iter().map(|b| wrap::width(b)).max().unwrap_or(0);
    let title_w = longest
        .min(room.saturating_sub(longest_brief + 2))
        .max(room.min(12));
    let status_w = room.saturating_sub(title_w + 2);
    let items: Vec<ListItem> = titles
        .iter()
        .zip(statuses)
        .zip(&briefs)
        .map(|((title, status), brief)| {
            let title = wrap::truncate(title, title_w);
            let pad = " ".repeat(title_w.saturating_sub(wrap::width(&title)));
            let tone = theme.tone(status_tone(status));
            ListItem::new(Line::from(vec![
                Span::styled(format!("{} ", status::symbol(status)), tone),
                Span::raw(format!("{title}{pad}  ")),
                Span::styled(wrap::truncate(brief, status_w), tone),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(model.home));
    frame.render_stateful_widget(super::choice_list(items, theme), area, &mut state);
}

fn details(model: &Model, statuses: &[Status], theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let t = texts(lang);
    let Some(m) = model.courses.modules.get(model.home) else {
        return;
    };
    let width = area.width;
    let mut text = Text::default();
    let mut add = |s: &str, tone: Tone| {
        text.extend(wrapped(s, theme.tone(tone), width).0);
    };
    add(&sanitize(m.module.title.get(lang), true), Tone::Title);
    add(&sanitize(m.module.summary.get(lang), true), Tone::Text);
    add(
        &texts::module_facts(
            lang,
            m.module.lessons.len(),
            m.module.draw,
            m.module.pass_mark,
        ),
        Tone::Muted,
    );
    // The full status of the selected module (the list may have cut it short).
    if let Some(st) = statuses.get(model.home) {
        add(
            &format!(
                "{} {}",
                status::symbol(st),
                status::describe(&m.module, st, lang)
            ),
            status_tone(st),
        );
    }
    match model.next_module() {
        Some(next) if next == model.home => add(t.next_step, Tone::Warning),
        None if statuses
            .iter()
            .all(|s| matches!(s.state, State::Passed { .. })) =>
        {
            add(t.all_done, Tone::Right);
        }
        _ => {}
    }
    for note in &model.log_notes {
        add(&sanitize(note, true), Tone::Wrong);
    }
    frame.render_widget(Paragraph::new(text), area);
}
