//! Drawing the model: the frame (header, body, footer), one file per screen, and the help and
//! dialogs over them. Pure: it reads the model and never changes it; selections become
//! widget state per frame. Below the minimum size only a "too small" message is drawn.

mod confirm;
mod first_start;
mod hand_in;
mod help;
mod home;
mod lesson;
mod my_results;
mod quiz;
mod result;
mod review;
mod settings;
mod source;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::keymap;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::app::doc::{self, Para, Tone};
use crate::app::texts::{self, texts};
use crate::app::wrap;
use crate::app::{Model, Overlay, Screen};
use crate::safe_text::sanitize;

/// Draws the whole interface for `model`.
pub fn view(model: &Model, theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    if !layout::fits(area) {
        too_small(model, theme, frame, area);
        // The help can be read even so, as far as it fits (it scrolls).
        if let Some(Overlay::Help { scroll }) = model.overlay {
            help::render(model, scroll, theme, frame, area);
        }
        return;
    }
    let areas = layout::areas(area);
    let (title, info) = header_text(model);
    header(theme, frame, areas.header, &title, &info);
    let body = notice(model, theme, frame, areas.body);
    match &model.screen {
        Screen::FirstStart(form) => first_start::render(model, form, theme, frame, body),
        Screen::Home => home::render(model, theme, frame, body),
        Screen::Lesson(state) => lesson::render(model, state, theme, frame, body),
        Screen::Quiz(state) => quiz::render(model, state, theme, frame, body),
        Screen::HandIn(state) => hand_in::render(model, state, theme, frame, body),
        Screen::Result(state) => result::render(model, state, theme, frame, body),
        Screen::Review(state) => review::render(model, state, theme, frame, body),
        Screen::Settings(state) => settings::render(model, state, theme, frame, body),
        Screen::MyResults { scroll } => my_results::render(model, *scroll, theme, frame, body),
    }
    footer_of(model, theme, frame, areas.footer);
    match model.overlay {
        Some(Overlay::Help { scroll }) => help::render(model, scroll, theme, frame, area),
        Some(Overlay::Confirm(c)) => confirm::render(model, c, theme, frame, area),
        Some(Overlay::Source { scroll }) => source::render(model, scroll, theme, frame, body),
        None => {}
    }
}

/// The screen's title (left of the header) and its position or progress (right).
fn header_text(model: &Model) -> (String, String) {
    let lang = model.lang();
    let t = texts(lang);
    let module_title = |i: usize| {
        model
            .courses
            .modules
            .get(i)
            .map(|m| sanitize(m.module.title.get(lang), true))
            .unwrap_or_default()
    };
    match &model.screen {
        Screen::FirstStart(_) => (t.welcome_title.to_owned(), String::new()),
        Screen::Home => {
            let (passed, total) = model.progress();
            (t.home_title.to_owned(), format!("{passed}/{total} ✓"))
        }
        Screen::Lesson(s) => {
            let pages = model
                .courses
                .modules
                .get(s.module)
                .map_or(0, |m| m.module.lessons.len());
            (
                module_title(s.module),
                texts::page_of(lang, (s.page + 1).min(pages), pages),
            )
        }
        Screen::Quiz(s) => (
            module_title(s.module),
            texts::question_of(lang, s.current + 1, s.attempt.items.len()),
        ),
        Screen::HandIn(s) => (
            module_title(s.quiz.module),
            texts::answered_of(lang, s.quiz.answered(), s.quiz.answers.len()),
        ),
        Screen::Result(s) => (t.result_title.to_owned(), module_title(s.module)),
        Screen::Review(s) => (
            format!("{} · {}", t.review_title, module_title(s.result.module)),
            texts::question_of(lang, s.index + 1, s.result.attempt.items.len()),
        ),
        Screen::Settings(_) => (t.settings_title.to_owned(), String::new()),
        Screen::MyResults { .. } => (
            t.my_results_title.to_owned(),
            crate::app::my_results::count(model),
        ),
    }
}

fn header(theme: Theme, frame: &mut Frame, area: Rect, title: &str, info: &str) {
    let info_w = u16::try_from(wrap::width(info) + 2).unwrap_or(u16::MAX);
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(info_w),
    ]));
    let left_text = format!(" bevidst · {title}");
    let left_text = wrap::truncate(&left_text, usize::from(left.width));
    frame.render_widget(Paragraph::new(left_text).style(theme.header()), left);
    frame.render_widget(
        Paragraph::new(format!("{info} "))
            .style(theme.header())
            .right_aligned(),
        right,
    );
}

/// Draws the notice (if any) at the bottom of the body; returns the rest of the body.
fn notice(model: &Model, theme: Theme, frame: &mut Frame, body: Rect) -> Rect {
    let Some(notice) = &model.notice else {
        return body;
    };
    let lines = doc::layout(
        &[Para::new(
            Tone::Warning,
            sanitize(&notice.text(model.lang()), true),
        )],
        usize::from(body.width),
    );
    let height = u16::try_from(lines.len().min(3)).unwrap_or(3);
    let [rest, _gap, bottom] = body.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(height),
    ]));
    frame.render_widget(Paragraph::new(styled(&lines, theme)), bottom);
    rest
}

fn footer_of(model: &Model, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let mode = model.mode();
    // Quit and help always show, at the right; the screen's own keys fill the rest.
    let right: Vec<(String, &str)> = keymap::quit_hint(mode, lang)
        .into_iter()
        .chain(keymap::help_hint(mode, lang))
        .collect();
    let hints = keymap::hints_except(mode, lang, |m| model.inert(m));
    footer_parts(&hints, &right, theme, frame, area);
}

/// The footer line of a full-screen program: the key hints from the left, as many as fit,
/// and the help key at the right. The learner's program and the report dashboard both draw
/// theirs with it, from their key tables.
pub fn footer(
    hints: &[(String, &str)],
    help: Option<(String, &str)>,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let right: Vec<(String, &str)> = help.into_iter().collect();
    footer_parts(hints, &right, theme, frame, area);
}

/// The footer with `right` always shown at the right, and as many `hints` as fit left of it.
fn footer_parts(
    hints: &[(String, &str)],
    right_hints: &[(String, &str)],
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    // Each is "key label " with one more space between them.
    let help_w: usize = right_hints
        .iter()
        .map(|(k, l)| wrap::width(k) + wrap::width(l) + 3)
        .sum::<usize>()
        .saturating_sub(1);
    let [left, right] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(help_w).unwrap_or(0)),
    ]));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, label) in hints {
        let w = wrap::width(key) + 1 + wrap::width(label) + 2;
        if used + w > usize::from(left.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::styled(format!(" {label}  "), theme.key_label()));
    }
    frame.render_widget(Line::from(spans), left);
    let mut spans = Vec::new();
    for (i, (key, label)) in right_hints.iter().enumerate() {
        let gap = if i + 1 < right_hints.len() { " " } else { "" };
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::styled(format!(" {label} {gap}"), theme.key_label()));
    }
    frame.render_widget(Line::from(spans).right_aligned(), right);
}

/// The message, and under it the keys that still act (quit and help), from the key table.
fn too_small(model: &Model, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let text = texts::too_small(lang, area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
    let mut text = Text::styled(text, theme.tone(Tone::Warning));
    let mode = crate::app::Mode::TooSmall;
    let mut keys = vec![];
    let shown = keymap::hints(mode, lang)
        .into_iter()
        .chain(keymap::quit_hint(mode, lang))
        .chain(keymap::help_hint(mode, lang));
    for (key, label) in shown {
        keys.push(Span::styled(key, theme.key()));
        keys.push(Span::styled(format!(" {label}  "), theme.key_label()));
    }
    text.push_line(Line::default());
    text.push_line(Line::from(keys));
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A list whose selected item is marked `›` and reversed (never colour alone), as every
/// choosing screen draws it.
fn choice_list(
    items: Vec<ratatui::widgets::ListItem<'static>>,
    theme: Theme,
) -> ratatui::widgets::List<'static> {
    ratatui::widgets::List::new(items)
        .highlight_symbol("› ")
        .highlight_style(theme.selected())
}

/// Wrapped document lines as styled text lines.
fn styled(lines: &[doc::Line], theme: Theme) -> Text<'static> {
    Text::from(
        lines
            .iter()
            .map(|l| Line::styled(l.text.clone(), theme.tone(l.tone)))
            .collect::<Vec<_>>(),
    )
}

/// Draws a reading screen: a scrollable document with a scrollbar when it does not fit, and
/// a hint line under it: `more` while text is below the edge (a pager's "more", in words),
/// `end` at the end. The scroll offset is clamped here too, in case the body is smaller than
/// the viewport `update` knows (a notice takes lines).
fn scrolled_doc(
    paras: &[Para],
    scroll: usize,
    (more, end): (Line<'static>, Line<'static>),
    theme: Theme,
    frame: &mut Frame,
    body: Rect,
) {
    let reading = layout::reading(body);
    let (text_area, bar_area) = (reading.text, reading.bar);
    let lines = doc::layout(paras, usize::from(text_area.width));
    let height = usize::from(text_area.height);
    let max = lines.len().saturating_sub(height);
    let top = scroll.min(max);
    frame.render_widget(if top < max { more } else { end }, reading.hint);
    let end = (top + height).min(lines.len());
    frame.render_widget(Paragraph::new(styled(&lines[top..end], theme)), text_area);
    if max > 0 {
        let mut state = ScrollbarState::new(max + 1).position(top);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(Some("↑"))
                .end_symbol(Some("↓")),
            bar_area,
            &mut state,
        );
    }
}

/// "↓ mere tekst   Enter læs videre": there is more below the edge, and the key that reads on.
fn more_hint(mode: crate::app::Mode, lang: crate::lang::Lang, theme: Theme) -> Line<'static> {
    let key = keymap::key_for(mode, &crate::app::Message::Confirm, lang);
    let mut line = key_hint(&[(key, lang.pick("læs videre", "read on"))], theme);
    line.spans.insert(
        0,
        Span::styled(
            format!("↓ {}   ", lang.pick("mere tekst", "more text")),
            theme.tone(Tone::Heading),
        ),
    );
    line
}

/// "→ next page   Enter to the quiz": keys (from the key map) and where they lead.
fn key_hint(parts: &[(Option<String>, &str)], theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in parts {
        if let Some(key) = key {
            spans.push(Span::styled(key.clone(), theme.key()));
            spans.push(Span::styled(format!(" {what}   "), theme.key_label()));
        }
    }
    Line::from(spans)
}

/// A paragraph of one style wrapped to `width` by display width (the same wrapping as
/// everywhere else), and the number of lines it takes.
fn wrapped(text: &str, style: Style, width: u16) -> (Text<'static>, u16) {
    let lines: Vec<Line<'static>> = wrap::wrap(text, usize::from(width))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    (Text::from(lines), height)
}
