//! The first start: one question per step (language, employee id, forvaltning, role, start
//! date), then a summary to confirm. The editor of a single field is shared with the settings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Padding, Paragraph};

use super::wrapped;
use crate::app::doc::Tone;
use crate::app::texts::{self, texts};
use crate::app::{Form, Mode, Model, Step, wrap};
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::safe_text::sanitize;
use crate::tui::theme::Theme;

pub(super) fn render(model: &Model, form: &Form, theme: Theme, frame: &mut Frame, area: Rect) {
    let lang = model.lang();
    let t = texts(lang);
    if form.step == Step::Summary {
        summary(form, lang, theme, frame, area);
        return;
    }
    let welcome = if form.step == Step::Language {
        wrapped(t.welcome, theme.tone(Tone::Text), area.width)
    } else {
        (ratatui::text::Text::default(), 0)
    };
    let number = Step::FIELDS
        .iter()
        .position(|s| *s == form.step)
        .unwrap_or(0)
        + 1;
    let counter = texts::step_of(lang, number, Step::FIELDS.len());
    let [top, _gap, count, rest] = area.layout(&Layout::vertical([
        Constraint::Length(welcome.1),
        Constraint::Length(u16::from(welcome.1 > 0)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(welcome.0), top);
    frame.render_widget(Line::styled(counter, theme.tone(Tone::Muted)), count);
    editor(form, form.step, lang, theme, frame, rest);
}

/// The question of one step, its list or text box, and why the last answer was refused.
pub(super) fn editor(
    form: &Form,
    step: Step,
    lang: Lang,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let (question, q_h) = wrapped(
        form.question(step, lang),
        theme.tone(Tone::Heading),
        area.width,
    );
    let error = form
        .error
        .map(|e| format!("✗ {}", e.text(lang)))
        .unwrap_or_default();
    let (error, e_h) = wrapped(&error, theme.tone(Tone::Wrong), area.width);
    // A list step shows its list; every other step a text box.
    let is_list = matches!(step.mode(), Mode::List);
    let field_h = if is_list {
        u16::try_from(form.list_len(step)).unwrap_or(u16::MAX)
    } else {
        3
    };
    // Where the question, the whole field and the error do not fit with a blank line between
    // them (the settings' editor on a small terminal), the blank lines go first, so the list
    // keeps the rows it needs to show its selection.
    let room = q_h + field_h.min(2) + e_h + 2;
    let gap = u16::from(area.height >= room);
    let [q, _g1, field, _g2, err] = area.layout(&Layout::vertical([
        Constraint::Length(q_h),
        Constraint::Length(gap),
        Constraint::Max(field_h),
        Constraint::Length(gap),
        Constraint::Length(e_h),
    ]));
    frame.render_widget(Paragraph::new(question), q);
    if is_list {
        list(form, step, theme, frame, field);
    } else {
        text_box(form, step, lang, theme, frame, field);
    }
    if form.error.is_some() {
        frame.render_widget(Paragraph::new(error), err);
    }
}

fn list(form: &Form, step: Step, theme: Theme, frame: &mut Frame, area: Rect) {
    let names = form.choice_names(step);
    let items: Vec<ListItem> = names
        .iter()
        .enumerate()
        .map(|(i, name)| ListItem::new(format!("{}  {name}", i + 1)))
        .collect();
    let mut state = ListState::default().with_selected(form.list_selected(step));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_symbol("› ")
            // The column stays put whether or not something is chosen yet.
            .highlight_spacing(ratatui::widgets::HighlightSpacing::Always)
            .highlight_style(theme.selected()),
        area,
        &mut state,
    );
}

/// A bordered one-line text box with the terminal cursor where the learner edits; when the
/// text is longer than the box, the part around the cursor stays in view.
fn text_box(form: &Form, step: Step, lang: Lang, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.intersection(Rect {
        width: area.width.min(50),
        ..area
    });
    let block = Block::bordered()
        .title(format!(" {} ", step.label(lang)))
        .border_style(theme.key());
    let block = block.padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let room = usize::from(inner.width.saturating_sub(1));
    // What is shown is display-safe; the cursor sits after the shown part of the text before it.
    let text: Vec<char> = form.text(step).chars().collect();
    let at = form.cursor(step).min(text.len());
    let before: String = sanitize(&text[..at].iter().collect::<String>(), true);
    let after: String = sanitize(&text[at..].iter().collect::<String>(), true);
    let before = tail(&before, room);
    let before_w = wrap::width(&before);
    let shown = format!("{before}{}", head(&after, room - before_w.min(room)));
    let cursor_x = u16::try_from(before_w).unwrap_or(0);
    frame.render_widget(Paragraph::new(shown), inner);
    if inner.width > 0 && inner.height > 0 {
        frame.set_cursor_position(Position::new(
            inner.x + cursor_x.min(inner.width - 1),
            inner.y,
        ));
    }
}

/// The start of `s` that fits in `width` columns.
fn head(s: &str, width: usize) -> String {
    let mut w = 0;
    s.chars()
        .take_while(|c| {
            w += wrap::width(c.encode_utf8(&mut [0; 4]));
            w <= width
        })
        .collect()
}

/// The end of `s` that fits in `width` columns.
fn tail(s: &str, width: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = wrap::width(c.encode_utf8(&mut [0; 4]));
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

fn summary(form: &Form, lang: Lang, theme: Theme, frame: &mut Frame, area: Rect) {
    let t = texts(lang);
    let values = form.field_values(lang);
    let label_w = Step::FIELDS
        .iter()
        .map(|s| wrap::width(s.label(lang)))
        .max()
        .unwrap_or(0);
    let mut lines = vec![
        Line::styled(t.summary_title, theme.tone(Tone::Heading)),
        Line::styled(t.summary_intro, theme.tone(Tone::Text)),
        Line::default(),
    ];
    for (step, value) in Step::FIELDS.iter().zip(values) {
        let label = step.label(lang);
        let pad = " ".repeat(label_w - wrap::width(label));
        lines.push(Line::from(vec![
            ratatui::text::Span::styled(format!("  {label}{pad}  "), theme.tone(Tone::Muted)),
            ratatui::text::Span::styled(value, theme.tone(Tone::Heading)),
        ]));
    }
    lines.push(Line::default());
    let (note, note_h) = wrapped(t.summary_note, theme.tone(Tone::Text), area.width);
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(u16::try_from(lines.len()).unwrap_or(0)),
        Constraint::Length(note_h),
    ]));
    frame.render_widget(Paragraph::new(lines), top);
    frame.render_widget(Paragraph::new(note), bottom);
}
