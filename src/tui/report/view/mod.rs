//! Drawing the dashboard. Pure: reads the model and the report, writes the frame. Long tables
//! are drawn as a window around the selection, so an overdue list of thousands costs no more
//! than one screen. Text from records and files passes through `safe_text` first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Tabs, Wrap,
};

use super::{Context, KEYS, Model, Page, Tab};
use crate::app::doc::Tone;
use crate::app::wrap;
use crate::lang::Lang;
use crate::report::columns::{Align, Column, Medium, Width, columns_in};
use crate::report::model::Report;
use crate::report::render::safe;
use crate::tui::keys;
use crate::tui::theme::Theme;

mod areas;
mod lists;
mod summary;

use self::areas::areas;
#[cfg(test)]
pub(super) use self::lists::question_order;
use self::lists::{overdue, problems, questions};
use self::summary::{forvaltninger, overview};

/// The smallest terminal the dashboard draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 12;

/// Draws the whole dashboard.
pub fn view(m: &Model, r: &Report, theme: Theme, frame: &mut Frame) {
    if too_small(m.lang, theme, frame) {
        return;
    }
    let area = frame.area();
    let [tabs, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    tab_bar(
        Tab::ALL.iter().map(|t| t.title(m.lang)),
        m.tab.index(),
        theme,
        (frame, tabs),
    );
    match m.tab {
        Tab::Overview => overview(m, r, frame, body, theme),
        Tab::Forvaltninger => forvaltninger(m, r, frame, body),
        Tab::Areas => areas(m, r, frame, body, theme),
        Tab::Questions => questions(m, r, frame, body),
        Tab::Overdue => overdue(m, r, frame, body),
        Tab::Problems => problems(m, r, frame, body, theme),
    }
    key_footer(KEYS, &m.context(), m.lang, theme, (frame, footer));
    if m.help {
        help(m, r, theme, frame, body);
    }
}

/// Says so and returns true when the terminal is smaller than the report's screens need.
pub(super) fn too_small(lang: Lang, theme: Theme, frame: &mut Frame) -> bool {
    let area = frame.area();
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let text = lang.pick(
        "Terminalen er for lille; gør vinduet større (mindst 60×12).",
        "The terminal is too small; enlarge the window (at least 60×12).",
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.tone(Tone::Warning))
            .wrap(Wrap { trim: true }),
        area,
    );
    true
}

/// The help over the body: the keys of the tabs (from the key table), then what every
/// figure means (the same glossary as the HTML page), scrolled with ↑↓.
fn help(m: &Model, r: &Report, theme: Theme, frame: &mut Frame, body: Rect) {
    help_over(
        (m.lang, m.help_scroll),
        keys::help(KEYS, &Context::Tabs, m.lang),
        crate::report::render::glossary(r, m.lang),
        theme,
        (frame, body),
    );
}

/// The footer of a key table in `ctx`: its hints, and the help key at the right.
pub(super) fn key_footer<C: PartialEq, M: keys::TableMessage>(
    table: &[keys::Binding<C, M>],
    ctx: &C,
    lang: Lang,
    theme: Theme,
    (frame, area): (&mut Frame, Rect),
) {
    crate::tui::view::footer(
        &keys::hints(table, ctx, lang),
        keys::help_hint(table, ctx, lang),
        theme,
        frame,
        area,
    );
}

/// A row of numbered tab titles, the selected one marked.
pub(super) fn tab_bar<'t>(
    titles: impl Iterator<Item = &'t str>,
    selected: usize,
    theme: Theme,
    (frame, area): (&mut Frame, Rect),
) {
    let titles: Vec<Line<'_>> = titles
        .enumerate()
        .map(|(i, t)| Line::from(format!("{} {t}", i + 1)))
        .collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .padding(" ", "")
            .highlight_style(theme.selected())
            .block(Block::new().borders(Borders::BOTTOM)),
        area,
    );
}

/// A help box over `body`: the keys (from a key table), then what the figures mean, scrolled
/// `scroll` lines down.
pub(super) fn help_over<T: AsRef<str>>(
    (lang, scroll): (Lang, u16),
    keys: Vec<(String, &str)>,
    figures: Vec<(T, String)>,
    theme: Theme,
    (frame, body): (&mut Frame, Rect),
) {
    let key_w = keys.iter().map(|(k, _)| wrap::width(k)).max().unwrap_or(0);
    let mut lines: Vec<Line<'_>> = keys
        .into_iter()
        .map(|(keys, label)| {
            let pad = " ".repeat(key_w - wrap::width(&keys));
            Line::from(vec![
                Span::styled(format!("{keys}{pad}  "), theme.key()),
                Span::raw(label),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        lang.pick("Sådan læses tallene", "How to read the figures"),
        theme.tone(Tone::Title),
    )));
    for (term, meaning) in figures {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: ", term.as_ref()),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(meaning),
        ]));
    }
    let pop = body.inner(ratatui::layout::Margin::new(2, 0));
    frame.render_widget(Clear, pop);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((scroll, 0))
            .block(
                Block::bordered()
                    .title(lang.pick(
                        " Hjælp (↑↓ ruller, Esc lukker) ",
                        " Help (↑↓ scroll, Esc closes) ",
                    ))
                    .border_style(theme.key()),
            ),
        pop,
    );
}

/// A table's frame: title, column heads and widths (for the areas tab's pivot, whose columns
/// are quarters rather than a row type's columns).
struct Columns<'a> {
    title: String,
    header: Vec<&'a str>,
    widths: &'a [Constraint],
}

/// What a table window needs of the program that draws it: the language, the selected row,
/// and how a withheld figure is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Look {
    pub lang: Lang,
    pub selected: usize,
    pub min_group: u32,
}

impl Look {
    /// The dashboard's look: its language and the selected row of the tab shown.
    fn of(m: &Model, r: &Report) -> Look {
        Look {
            lang: m.lang,
            selected: m.row(),
            min_group: r.min_group,
        }
    }
}

/// The dashboard's columns of a row type: heads, alignments and widths.
fn dashboard_columns<R>(
    list: &'static [Column<R>],
    lang: Lang,
) -> (Vec<&'static Column<R>>, Vec<Constraint>) {
    let shown: Vec<&Column<R>> = columns_in(list, Medium::Dashboard).collect();
    let widths = shown
        .iter()
        .map(|c| match c.width {
            Width::Fill(k) => Constraint::Fill(k),
            Width::Fixed(w) => {
                let head = u16::try_from(Line::from(c.dashboard_head(lang)).width()).unwrap_or(w);
                Constraint::Length(w.max(head))
            }
        })
        .collect();
    (shown, widths)
}

/// A cell, aligned as its column says.
fn aligned(text: String, align: Align) -> Cell<'static> {
    let line = Line::from(text);
    Cell::from(match align {
        Align::Left => line,
        Align::Right => line.alignment(Alignment::Right),
    })
}

/// The header row of a row type's columns.
fn header_row<R>(shown: &[&Column<R>], lang: Lang) -> Row<'static> {
    Row::new(
        shown
            .iter()
            .map(|c| aligned(c.dashboard_head(lang).to_owned(), c.align)),
    )
    .style(Style::new().add_modifier(Modifier::BOLD))
}

/// Draws the rows of a row type through its column list, as a table window around the
/// selection; `row(i)` is the i-th row in the order shown.
pub(super) fn column_window<'r, R: 'r>(
    (frame, area): (&mut Frame, Rect),
    look: Look,
    (title, list): (String, &'static [Column<R>]),
    (n, row): (usize, impl Fn(usize) -> &'r R),
) {
    let (shown, widths) = dashboard_columns(list, look.lang);
    draw_window(
        frame,
        area,
        (title, header_row(&shown, look.lang), widths),
        (n, look.selected),
        |i| {
            Row::new(
                shown
                    .iter()
                    .map(|c| aligned(c.text(row(i), look.lang, look.min_group), c.align)),
            )
        },
    );
}

/// Draws `n` rows as a table window around the selection; `row(i)` makes row `i`.
fn window(
    frame: &mut Frame,
    area: Rect,
    cols: Columns<'_>,
    (n, selected): (usize, usize),
    row: impl Fn(usize) -> Vec<String>,
) {
    let Columns {
        title,
        header,
        widths,
    } = cols;
    let header = Row::new(header.into_iter().map(str::to_owned))
        .style(Style::new().add_modifier(Modifier::BOLD));
    draw_window(
        frame,
        area,
        (title, header, widths.to_vec()),
        (n, selected),
        |i| Row::new(row(i).into_iter().map(|c| Cell::from(safe(&c)))),
    );
}

fn draw_window(
    frame: &mut Frame,
    area: Rect,
    (title, header, widths): (String, Row<'static>, Vec<Constraint>),
    (n, selected): (usize, usize),
    row: impl Fn(usize) -> Row<'static>,
) {
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let offset = if selected < visible {
        0
    } else {
        selected + 1 - visible
    };
    let rows: Vec<Row<'_>> = (offset..n.min(offset + visible)).map(row).collect();
    let mut state = TableState::default();
    if n > 0 {
        state.select(Some(selected.min(n - 1) - offset));
    }
    let position = if n == 0 {
        String::new()
    } else {
        format!(" {}/{n} ", selected.min(n - 1) + 1)
    };
    let table = Table::new(rows, widths)
        .header(header)
        .block(
            Block::bordered()
                .title(title)
                .title_bottom(Line::from(position).alignment(Alignment::Right)),
        )
        .highlight_symbol("› ")
        .row_highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    frame.render_stateful_widget(table, area, &mut state);
}

/// A non-negative figure already rounded and clamped to 0–100, as an integer.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "clamped to 0–100 and rounded first"
)]
fn percent(v: f64) -> u64 {
    v.round().clamp(0.0, 100.0) as u64
}
