//! Drawing the dashboard. Pure: reads the model and the report, writes the frame. Long tables
//! are drawn as a window around the selection, so an overdue list of thousands costs no more
//! than one screen. Text from records and files passes through `safe_text` first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Clear, Paragraph, Row, Sparkline, Table,
    TableState, Tabs, Wrap,
};

use super::{KEYS, Model, Tab};
use crate::lang::Lang;
use crate::report::model::{Report, Topic};
use crate::report::render::{num2, pct, safe, share_in, withheld};

/// The smallest terminal the dashboard draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 12;

struct Theme {
    accent: Style,
    dim: Style,
    warn: Style,
}

impl Theme {
    fn new(no_color: bool) -> Self {
        if no_color {
            Theme {
                accent: Style::new().add_modifier(Modifier::BOLD),
                dim: Style::new(),
                warn: Style::new().add_modifier(Modifier::BOLD),
            }
        } else {
            Theme {
                accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                dim: Style::new().fg(Color::DarkGray),
                warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            }
        }
    }
}

/// Draws the whole dashboard.
pub fn view(m: &Model, r: &Report, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = m.lang.pick(
            "Terminalen er for lille; gør vinduet større (mindst 60×12).",
            "The terminal is too small; enlarge the window (at least 60×12).",
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let theme = Theme::new(m.no_color);
    let [tabs, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let titles: Vec<Line<'_>> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| Line::from(format!("{} {}", i + 1, t.title(m.lang))))
        .collect();
    frame.render_widget(
        Tabs::new(titles)
            .select(m.tab.index())
            .padding(" ", "")
            .highlight_style(theme.accent.add_modifier(Modifier::REVERSED))
            .block(Block::new().borders(Borders::BOTTOM)),
        tabs,
    );
    match m.tab {
        Tab::Overview => overview(m, r, frame, body, &theme),
        Tab::Forvaltninger => forvaltninger(m, r, frame, body),
        Tab::Areas => areas(m, r, frame, body, &theme),
        Tab::Questions => questions(m, r, frame, body, &theme),
        Tab::Overdue => overdue(m, r, frame, body),
        Tab::Problems => problems(m, r, frame, body),
    }
    let hints: Vec<String> = KEYS
        .iter()
        .filter(|k| k.footer)
        .map(|k| format!("{} {}", k.keys, m.lang.pick(k.da, k.en)))
        .collect();
    frame.render_widget(Paragraph::new(hints.join(" · ")).style(theme.dim), footer);
    if m.help {
        help(m, frame, body);
    }
}

fn help(m: &Model, frame: &mut Frame, body: Rect) {
    let lines: Vec<Line<'_>> = KEYS
        .iter()
        .filter(|k| !k.keys.is_empty())
        .map(|k| Line::from(format!("{:<8} {}", k.keys, m.lang.pick(k.da, k.en))))
        .collect();
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let w = 40.min(body.width);
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(h),
        Constraint::Fill(1),
    ])
    .areas(body);
    let [_, pop, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(w),
        Constraint::Fill(1),
    ])
    .areas(mid);
    frame.render_widget(Clear, pop);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered().title(m.lang.pick(" Taster (Esc lukker) ", " Keys (Esc closes) ")),
        ),
        pop,
    );
}

/// A table's frame: title, column heads and widths.
struct Columns<'a> {
    title: String,
    header: Vec<&'a str>,
    widths: &'a [Constraint],
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
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let offset = if selected < visible {
        0
    } else {
        selected + 1 - visible
    };
    let rows: Vec<Row<'_>> = (offset..n.min(offset + visible))
        .map(|i| Row::new(row(i).into_iter().map(|c| Cell::from(safe(&c)))))
        .collect();
    let mut state = TableState::default();
    if n > 0 {
        state.select(Some(selected.min(n - 1) - offset));
    }
    let position = if n == 0 {
        String::new()
    } else {
        format!(" {}/{n} ", selected.min(n - 1) + 1)
    };
    let table = Table::new(rows, widths.to_vec())
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
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
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn percent(v: f64) -> u64 {
    v.round().clamp(0.0, 100.0) as u64
}

fn opt<T: ToString>(r: &Report, v: Option<T>) -> String {
    v.map_or_else(|| withheld(r), |v| v.to_string())
}

fn opt_pct(r: &Report, lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| withheld(r), |v| pct(lang, v))
}

fn overview(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: &Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let lines = collection_lines(m, r, theme);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(l(" Indsamling ", " Collection "))),
        left,
    );
    let rows: Vec<Row<'_>> = r
        .module_stats
        .iter()
        .map(|s| {
            Row::new(vec![
                safe(&s.module),
                opt(r, s.n),
                opt_pct(r, m.lang, s.mean),
                s.alpha.map_or_else(
                    || {
                        if s.suppressed {
                            withheld(r)
                        } else {
                            "–".into()
                        }
                    },
                    |a| num2(m.lang, a),
                ),
            ])
        })
        .collect();
    frame.render_widget(
        Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(7),
                Constraint::Length(9),
                Constraint::Length(6),
            ],
        )
        .header(
            Row::new(vec![l("Modul", "Module"), "n", l("Middel", "Mean"), "α"])
                .style(Style::new().add_modifier(Modifier::BOLD)),
        )
        .block(Block::bordered().title(l(" Moduler, første forsøg ", " Modules, first attempts "))),
        right,
    );
}

/// The overview's left column: what was read, counted and rejected.
fn collection_lines<'a>(m: &Model, r: &Report, theme: &Theme) -> Vec<Line<'a>> {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let c = &r.counts;
    let rejected_style = if c.records_rejected > 0 {
        theme.warn
    } else {
        Style::new()
    };
    let lines = vec![
        Line::from(Span::styled(
            format!("{} {}", l("Opgjort", "As of"), r.today),
            theme.accent,
        )),
        Line::from(""),
        Line::from(format!(
            "{}: {}",
            l("Filer læst", "Files read"),
            c.files_read
        )),
        Line::from(format!(
            "  {} {} · {} {} · {} {}",
            c.files_counted,
            l("talt", "counted"),
            c.files_partly_counted,
            l("delvis", "partly"),
            c.files_rejected,
            l("afvist", "rejected")
        )),
        Line::from(format!(
            "{}: {}",
            l("Poster læst", "Records read"),
            c.records_read
        )),
        Line::from(format!(
            "  {} {}",
            c.records_counted,
            l("talt med", "counted")
        )),
        Line::from(Span::styled(
            format!(
                "  {} {}",
                c.records_rejected,
                l("afvist (se Problemer)", "rejected (see Problems)")
            ),
            rejected_style,
        )),
        Line::from(format!("{}: {}", l("Medarbejdere", "Learners"), c.learners)),
        Line::from(format!(
            "{}: {}",
            l("Forsinkede", "Overdue"),
            r.overdue.len()
        )),
        Line::from(if r.roster_used {
            format!(
                "{}: {}",
                l("Aldrig startet", "Never started"),
                r.never_started.len()
            )
        } else {
            l("Ingen personaleliste (--roster)", "No roster (--roster)").to_owned()
        }),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "{} <{}",
                l("Grupper vises ikke under", "Groups withheld below"),
                r.min_group
            ),
            theme.dim,
        )),
    ];
    lines
}

fn forvaltninger(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    window(
        frame,
        body,
        Columns {
            title: l(
                " Gennemførelse pr. forvaltning og modul ",
                " Completion per forvaltning and module ",
            )
            .into(),
            header: vec![
                "Forvaltning",
                l("Modul", "Module"),
                l("Ansatte", "Staff"),
                l("Gennemf.", "Done"),
                l("Bestået", "Passed"),
                l("Forsink.", "Overdue"),
            ],
            widths: &[
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(7),
                Constraint::Length(9),
                Constraint::Length(9),
                Constraint::Length(8),
            ],
        },
        (r.completion.len(), m.row()),
        |i| {
            let x = &r.completion[i];
            vec![
                x.forvaltning.clone(),
                x.module.clone(),
                opt(r, x.learners),
                opt_pct(r, m.lang, x.completion_rate),
                opt_pct(r, m.lang, x.pass_rate),
                opt(r, x.overdue),
            ]
        },
    );
}

/// A text sparkline of quarterly shares (`·` where withheld or empty).
fn spark(r: &Report, forv: Option<&str>, t: Topic, last: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let start = r.quarters.len().saturating_sub(last);
    r.quarters[start..]
        .iter()
        .map(|q| {
            r.knowledge
                .iter()
                .find(|k| k.forvaltning.as_deref() == forv && k.topic == t && &k.quarter == q)
                .and_then(|k| k.share)
                .map_or('·', |s| {
                    // Shares between 40 % and 100 % fill the eight steps; real levels live there.
                    let step = ((s - 0.4) / 0.6 * 7.0).round().clamp(0.0, 7.0);
                    BARS[usize::try_from(percent(step)).unwrap_or(0).min(7)]
                })
        })
        .collect()
}

fn areas(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: &Theme) {
    let l = |da: &'static str, en: &'static str| m.lang.pick(da, en);
    let topics: Vec<Topic> = Topic::all().collect();
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(body);
    window(
        frame,
        top,
        Columns {
            title: l(
                " Vidensniveau, alle forvaltninger ",
                " Knowledge level, all forvaltninger ",
            )
            .into(),
            header: vec![
                l("Område / mål", "Area / goal"),
                l("Seneste", "Latest"),
                l("Kvartaler", "Quarters"),
            ],
            widths: &[
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(14),
            ],
        },
        (topics.len(), m.row()),
        |i| {
            let t = topics[i];
            let latest = r
                .quarters
                .last()
                .map_or_else(|| "–".into(), |q| share_in(r, m.lang, None, t, q));
            vec![t.name(m.lang).to_owned(), latest, spark(r, None, t, 12)]
        },
    );
    let Some(&topic) = topics.get(m.row()) else {
        return;
    };
    let [chart, trend] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(bottom);
    let latest = r.quarters.last().cloned().unwrap_or_default();
    let bars: Vec<Bar<'_>> = r
        .forvaltninger
        .iter()
        .map(|fv| {
            let share = r
                .knowledge
                .iter()
                .find(|k| {
                    k.forvaltning.as_deref() == Some(fv) && k.topic == topic && k.quarter == latest
                })
                .and_then(|k| k.share);
            let label = crate::report::render::markdown::initials(fv);
            match share {
                Some(s) => Bar::with_label(label, percent(s * 100.0))
                    .text_value(format!("{:.0}", s * 100.0)),
                None => Bar::with_label(label, 0).text_value(withheld(r)),
            }
        })
        .collect();
    frame.render_widget(
        BarChart::new(Vec::<Bar<'_>>::new())
            .data(BarGroup::new(bars))
            .bar_width(3)
            .bar_gap(1)
            .max(100)
            .bar_style(theme.accent)
            .block(Block::bordered().title(format!(
                " {} % · {latest} ",
                l("pr. forvaltning", "per forvaltning")
            ))),
        chart,
    );
    // Heights from 40 % up: knowledge levels live there, and a change of a few points
    // should be visible (the same scale as the table's text sparklines).
    let series: Vec<Option<u64>> = r
        .quarters
        .iter()
        .map(|q| {
            r.knowledge
                .iter()
                .find(|k| k.forvaltning.is_none() && k.topic == topic && &k.quarter == q)
                .and_then(|k| k.share)
                .map(|s| percent((s - 0.4) / 0.6 * 100.0))
        })
        .collect();
    frame.render_widget(
        Sparkline::default()
            .data(&series)
            .max(100)
            .style(theme.accent)
            .block(Block::bordered().title(format!(" {} · 40–100 % ", safe(topic.name(m.lang))))),
        trend,
    );
}

fn questions(m: &Model, r: &Report, frame: &mut Frame, body: Rect, theme: &Theme) {
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

fn overdue(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
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

fn problems(m: &Model, r: &Report, frame: &mut Frame, body: Rect) {
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
