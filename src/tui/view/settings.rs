//! The settings: the first-start answers, each on a line; Enter opens the field in the same
//! editor the first start uses (the language switches at once).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{ListItem, ListState, Paragraph};

use super::first_start::editor;
use super::wrapped;
use crate::app::doc::Tone;
use crate::app::texts::texts;
use crate::app::{Model, SettingsState, Step, wrap};
use crate::tui::theme::Theme;

pub(super) fn render(
    model: &Model,
    state: &SettingsState,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = model.lang();
    let (intro, intro_h) = wrapped(
        texts(lang).settings_intro,
        theme.tone(Tone::Text),
        area.width,
    );
    let list_h = u16::try_from(Step::FIELDS.len()).unwrap_or(4);
    let [top, _g1, list_area, _g2, edit] = area.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(1),
        Constraint::Length(list_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(intro), top);
    // Show the saved values in the list, and the edited ones in the editor below it.
    let saved = crate::app::Form::from_config(&model.config, model.today);
    let values = saved.field_values(lang);
    let label_w = Step::FIELDS
        .iter()
        .map(|s| wrap::width(s.label(lang)))
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = Step::FIELDS
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (step, value))| {
            let label = step.label(lang);
            let pad = " ".repeat(label_w - wrap::width(label));
            ListItem::new(format!("{}  {label}{pad}  {value}", i + 1))
        })
        .collect();
    let mut list_state = ListState::default().with_selected(Some(state.selected));
    frame.render_stateful_widget(super::choice_list(items, theme), list_area, &mut list_state);
    if state.editing {
        editor(&state.form, state.field(), lang, theme, frame, edit);
    }
}
