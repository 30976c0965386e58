//! The page's charts, drawn as inline SVG through maud (so every text in them is escaped):
//! the completion heatmap forvaltning × module, knowledge per area (weakest first, on a scale
//! that shows differences, with the values), and knowledge over time per forvaltning. Each is
//! one `<svg role="img">` with a `<title>` and a `<desc>` that says in words what it shows;
//! meaning never rests on colour alone (values are printed, the weakest areas are marked with
//! a symbol, the lines differ in dash and marker).

use std::fmt::Write as _;

use maud::{Markup, html};

use crate::lang::Lang;
use crate::report::columns::pct;
use crate::report::model::{CompletionFigures, Report, Topic};
use crate::report::render::{quarter_heading, safe};

/// A number for an SVG attribute.
fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// `s` cut to `max` characters with an ellipsis.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A colour from light (0) to dark (1) blue, for a share placed on the scale `lo..hi`.
fn shade(share: f64, lo: f64, hi: f64) -> (String, &'static str) {
    let t = if hi > lo {
        ((share - lo) / (hi - lo)).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let mix = |a: f64, b: f64| a + (b - a) * t;
    let (r, g, b) = (mix(239.0, 8.0), mix(243.0, 69.0), mix(255.0, 148.0));
    let ink = if t > 0.55 { "#fff" } else { "#111" };
    (format!("rgb({r:.0},{g:.0},{b:.0})"), ink)
}

/// The chart's frame: an accessible SVG of the given size with its title and description.
fn svg(id: &str, (w, h): (f64, f64), title: &str, desc: &str, body: &Markup) -> Markup {
    let title_id = format!("{id}-t");
    let desc_id = format!("{id}-d");
    html! {
        svg class="chart" id=(id) role="img"
            viewBox={ "0 0 " (n(w)) " " (n(h)) } width=(n(w)) height=(n(h))
            aria-labelledby={ (title_id) " " (desc_id) } {
            title id=(title_id) { (title) }
            desc id=(desc_id) { (desc) }
            (body)
        }
    }
}

/// Share passed per forvaltning × module (the completion table's »Bestået«), a cell per pair
/// with its value printed; withheld cells grey with `<5`.
pub fn heatmap(report: &Report, lang: Lang) -> Markup {
    let min = report.min_group;
    let mut rows: Vec<Option<&str>> = report
        .forvaltninger
        .iter()
        .map(|f| Some(f.as_str()))
        .collect();
    rows.push(None);
    let modules = &report.modules;
    let (left, top, cw, ch) = (300.0, 170.0, 58.0, 26.0);
    // Room on the right for the last rotated module titles.
    let width = left + cw * as_f64(modules.len()) + 150.0;
    let height = top + ch * as_f64(rows.len()) + 10.0;
    let shares: Vec<f64> = report
        .completion
        .iter()
        .filter_map(|r| r.figures.shown().map(CompletionFigures::pass_rate))
        .collect();
    let lo = shares.iter().copied().fold(1.0, f64::min);
    let hi = shares.iter().copied().fold(0.0, f64::max);
    let all = lang.pick("Alle forvaltninger", "All forvaltninger");
    let body = html! {
        @for (j, m) in modules.iter().enumerate() {
            @let x = left + cw * as_f64(j) + cw / 2.0;
            text x=(n(x)) y=(n(top - 8.0)) transform={ "rotate(-40 " (n(x)) " " (n(top - 8.0)) ")" } class="label" {
                (cut(if matches!(lang, Lang::Da) { &m.title_da } else { &m.title_en }, 30))
            }
        }
        @for (i, forv) in rows.iter().enumerate() {
            @let y = top + ch * as_f64(i);
            text x=(n(left - 8.0)) y=(n(y + ch * 0.65)) text-anchor="end" class=[forv.is_none().then_some("total")] {
                (cut(&safe(forv.unwrap_or(all)), 46))
            }
            @for (j, m) in modules.iter().enumerate() {
                @let x = left + cw * as_f64(j);
                @let cell = report.completion.iter().find(|r| r.forvaltning.as_deref() == *forv && r.module == m.id);
                @match cell.and_then(|c| c.figures.shown()) {
                    Some(f) => {
                        @let (fill, ink) = shade(f.pass_rate(), lo, hi);
                        rect x=(n(x)) y=(n(y)) width=(n(cw - 2.0)) height=(n(ch - 2.0)) fill=(fill) {}
                        text x=(n(x + cw / 2.0 - 1.0)) y=(n(y + ch * 0.65)) text-anchor="middle" fill=(ink) class="value" {
                            (format!("{:.0}", f.pass_rate() * 100.0))
                        }
                    }
                    None => {
                        rect x=(n(x)) y=(n(y)) width=(n(cw - 2.0)) height=(n(ch - 2.0)) class="withheld" {}
                        text x=(n(x + cw / 2.0 - 1.0)) y=(n(y + ch * 0.65)) text-anchor="middle" class="value" {
                            @if cell.is_some() { "<" (min) } @else { "–" }
                        }
                    }
                }
            }
        }
    };
    let desc = match lang {
        Lang::Da => format!(
            "Andel af de ansatte, der har bestået hvert modul, i procent, pr. forvaltning (rækker) og modul (kolonner). Mørkere er højere; tallet står i feltet. Laveste {}, højeste {}. «<{min}» er en gruppe, der ikke vises.",
            pct(lang, lo),
            pct(lang, hi)
        ),
        Lang::En => format!(
            "Share of employees who passed each module, in per cent, per forvaltning (rows) and module (columns). Darker is higher; the value is in the cell. Lowest {}, highest {}. «<{min}» is a group that is withheld.",
            pct(lang, lo),
            pct(lang, hi)
        ),
    };
    svg(
        "heatmap",
        (width, height),
        lang.pick(
            "Bestået pr. forvaltning og modul",
            "Passed per forvaltning and module",
        ),
        &desc,
        &body,
    )
}

/// The areas of policy 1.3 in the latest quarter, all forvaltninger: weakest first, bars on a
/// scale from a little below the weakest to 100 %, values printed, the three weakest marked.
pub fn areas(report: &Report, lang: Lang) -> Option<Markup> {
    let q = report.quarters.last()?;
    let mut areas: Vec<(Topic, f64)> = Topic::all()
        .filter(|t| matches!(t, Topic::Area(_)))
        .filter_map(|t| Some((t, report.knowledge_share(None, t, q)?)))
        .collect();
    if areas.is_empty() {
        return None;
    }
    areas.sort_by(|a, b| a.1.total_cmp(&b.1));
    let weakest = areas[0].1;
    // A scale from the ten below the weakest: 75 % and 80 % must not look alike.
    let lo = ((weakest * 10.0).floor() / 10.0 - 0.1).max(0.0);
    let (left, width, row) = (20.0, 640.0, 40.0);
    let x = |s: f64| left + (s - lo) / (1.0 - lo) * width;
    let h = 40.0 + row * as_f64(areas.len()) + 20.0;
    // A tick every five percentage points from the scale's start.
    let ticks: Vec<f64> = (0..=20)
        .map(|k| lo + 0.05 * f64::from(k))
        .take_while(|t| *t <= 1.0 + 1e-9)
        .collect();
    let marked = 3.min(areas.len());
    let body = html! {
        @for t in &ticks {
            line x1=(n(x(*t))) x2=(n(x(*t))) y1="30" y2=(n(h - 20.0)) class="grid" {}
            text x=(n(x(*t))) y="22" text-anchor="middle" class="label" { (pct(lang, *t)) }
        }
        @for (i, (topic, share)) in areas.iter().enumerate() {
            @let y = 40.0 + row * as_f64(i);
            @let weak = i < marked;
            text x=(n(left)) y=(n(y + 11.0)) class=(if weak { "label weak" } else { "label" }) {
                @if weak { "▼ " }
                (topic.name(lang))
                @if weak { " (" (lang.pick("blandt de svageste", "among the weakest")) ")" }
            }
            rect x=(n(left)) y=(n(y + 15.0)) width=(n((x(*share) - left).max(1.0))) height="16"
                class=(if weak { "bar weak" } else { "bar" }) {}
            text x=(n(x(*share) + 4.0)) y=(n(y + 28.0)) class="value" { (pct(lang, *share)) }
        }
    };
    let listing: Vec<String> = areas
        .iter()
        .map(|(t, s)| format!("{} {}", t.name(lang), pct(lang, *s)))
        .collect();
    let desc = match lang {
        Lang::Da => format!(
            "Andel rigtige svar pr. område i {}, alle forvaltninger, svageste først. Skalaen går fra {} til 100 %. {}.",
            quarter_heading(report, q, lang),
            pct(lang, lo),
            listing.join("; ")
        ),
        Lang::En => format!(
            "Share of correct answers per area in {}, all forvaltninger, weakest first. The scale runs from {} to 100%. {}.",
            quarter_heading(report, q, lang),
            pct(lang, lo),
            listing.join("; ")
        ),
    };
    Some(svg(
        "areas",
        (700.0, h),
        lang.pick("Vidensniveau pr. område", "Knowledge per area"),
        &desc,
        &body,
    ))
}

/// How many quarters the trend charts show.
const TREND_QUARTERS: usize = 8;

/// Knowledge over the latest quarters in one forvaltning (`None`: all), one line per goal of
/// policy 1.1, quarter labels under the axis, gaps where a figure is withheld.
pub fn trend(report: &Report, forv: Option<&str>, lang: Lang, id: &str) -> Markup {
    let start = report.quarters.len().saturating_sub(TREND_QUARTERS);
    let quarters = &report.quarters[start..];
    let goals: Vec<Topic> = Topic::all()
        .filter(|t| matches!(t, Topic::Goal(_)))
        .collect();
    let series: Vec<(Topic, Vec<Option<f64>>)> = goals
        .iter()
        .map(|&t| {
            (
                t,
                quarters
                    .iter()
                    .map(|q| report.knowledge_share(forv, t, q))
                    .collect(),
            )
        })
        .collect();
    let values: Vec<f64> = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten().copied())
        .collect();
    let lo = values.iter().copied().fold(1.0, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    let (lo, hi) = (
        ((lo * 20.0).floor() / 20.0).max(0.0),
        ((hi * 20.0).ceil() / 20.0).min(1.0),
    );
    let (lo, hi) = if hi - lo < 0.1 {
        ((hi - 0.1).max(0.0), (lo + 0.1).min(1.0))
    } else {
        (lo, hi)
    };
    let (left, top, w, h) = (56.0, 14.0, 420.0, 150.0);
    let step = w / as_f64(quarters.len().max(2) - 1);
    let px = |i: usize| left + step * as_f64(i);
    let py = |s: f64| top + (hi - s) / (hi - lo).max(0.01) * h;
    let dashes = ["", "6 3", "2 3"];
    let marks = ["●", "■", "▲"];
    let name = forv.map_or_else(
        || {
            lang.pick("Alle forvaltninger", "All forvaltninger")
                .to_owned()
        },
        safe,
    );
    let body = html! {
        @for k in 0..=4 {
            @let s = lo + (hi - lo) * f64::from(k) / 4.0;
            line x1=(n(left)) x2=(n(left + w)) y1=(n(py(s))) y2=(n(py(s))) class="grid" {}
            text x=(n(left - 6.0)) y=(n(py(s) + 4.0)) text-anchor="end" class="label" { (pct(lang, s)) }
        }
        @for (i, q) in quarters.iter().enumerate() {
            text x=(n(px(i))) y=(n(top + h + 18.0)) text-anchor="middle" class="label" {
                (q) @if *q == report.current_quarter { "*" }
            }
        }
        @for (g, (topic, points)) in series.iter().enumerate() {
            @let path = line_path(points, &px, &py);
            path d=(path) class={ "line g" (g) } stroke-dasharray=(dashes[g % 3]) {}
            @for (i, p) in points.iter().enumerate() {
                @if let Some(s) = p {
                    text x=(n(px(i))) y=(n(py(*s) + 4.0)) text-anchor="middle" class={ "mark g" (g) } { (marks[g % 3]) }
                }
            }
            text x=(n(left + 4.0 + 140.0 * as_f64(g))) y=(n(top + h + 40.0)) class={ "label g" (g) } {
                (marks[g % 3]) " " (topic.name(lang))
                @if let Some(Some(last)) = points.last() { " " (pct(lang, *last)) }
            }
        }
    };
    let listing: Vec<String> = series
        .iter()
        .map(|(t, pts)| {
            let vals: Vec<String> = quarters
                .iter()
                .zip(pts)
                .map(|(q, p)| format!("{q} {}", p.map_or_else(|| "–".to_owned(), |s| pct(lang, s))))
                .collect();
            format!("{}: {}", t.name(lang), vals.join(", "))
        })
        .collect();
    let desc = format!(
        "{} {}. {}",
        name,
        lang.pick(
            "— andel rigtige svar pr. mål i politik 1.1 pr. kvartal (* = kvartalet er i gang)",
            "— share of correct answers per goal of policy 1.1 per quarter (* = quarter in progress)"
        ),
        listing.join("; ")
    );
    svg(id, (left + w + 40.0, top + h + 50.0), &name, &desc, &body)
}

/// An SVG path through the shown points, broken where a point is withheld.
fn line_path(points: &[Option<f64>], px: &dyn Fn(usize) -> f64, py: &dyn Fn(f64) -> f64) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, p) in points.iter().enumerate() {
        match p {
            Some(s) => {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if pen_down { " L" } else { " M" },
                    n(px(i)),
                    n(py(*s))
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d.trim_start().to_owned()
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts of modules, forvaltninger and quarters are tiny"
)]
fn as_f64(v: usize) -> f64 {
    v as f64
}
