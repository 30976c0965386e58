//! The HTML report rendered by a real browser: a simulated collection through the real
//! binary, the page opened by headless Chromium with no network, a screenshot that is not
//! blank, and a DOM that holds the expected headings and one SVG per chart.
//!
//! Needs Debian's `chromium`; `.ci/run` installs it. Where it is absent the test says how to
//! run it and passes, except under CI (`CI` set), where a skipped browser test would hide a
//! broken page.

use std::path::{Path, PathBuf};

#[path = "support/hermetic.rs"]
mod hermetic;

const NOW: &str = "2025-06-15T12:00:00Z";

/// The browser, if installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

/// Headless Chromium with every network-using feature off, in a profile of its own, in an
/// environment built from scratch.
fn browser(exe: &Path, sandbox: &Path, args: &[&str], page: &Path) -> std::process::Output {
    hermetic::command(exe, sandbox)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1200,2000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            sandbox.join("profile").display()
        ))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

/// The share of a PNG's pixels that are not the page's white background.
#[expect(
    clippy::cast_precision_loss,
    reason = "a screenshot has far fewer than 2^52 pixels"
)]
fn inked(png_file: &Path) -> f64 {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).expect("the screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let total = pixels.len() / channels;
    let ink = pixels
        .chunks(channels)
        .filter(|px| px.iter().take(3).any(|&c| c < 200))
        .count();
    ink as f64 / total as f64
}

/// Makes a simulated collection and its HTML and JSON reports; returns (html, json).
fn reports(dir: &Path) -> (PathBuf, serde_json::Value) {
    let exe = env!("CARGO_BIN_EXE_bevidst");
    let collection = dir.join("indsamling");
    let roster = dir.join("ansatte.csv");
    let ok = hermetic::command(exe, dir)
        .args([
            "simulate",
            "--learners",
            "300",
            "--years",
            "2",
            "--seed",
            "3",
        ])
        .args(["--end", NOW, "--out"])
        .arg(&collection)
        .arg("--roster")
        .arg(&roster)
        .status()
        .expect("simulate runs");
    assert!(ok.success());
    let page = dir.join("rapport.html");
    let report = |format: &str, out: &Path| {
        let o = hermetic::command(exe, dir)
            .args(["report", "--now", NOW, "--format", format, "--roster"])
            .arg(&roster)
            .arg("--out")
            .arg(out)
            .arg(&collection)
            .output()
            .expect("report runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    report("html", &page);
    let json = dir.join("rapport.json");
    report("json", &json);
    let js = serde_json::from_str(&std::fs::read_to_string(json).expect("JSON")).expect("JSON");
    (page, js)
}

#[test]
fn a_browser_renders_the_page_with_every_heading_and_chart() {
    let Some(exe) = chromium() else {
        let how = "chromium is not installed: `apt-get install chromium` (Debian), then \
                   `cargo test --test report_html`";
        assert!(
            std::env::var_os("CI").is_none_or(|v| v.is_empty()),
            "CI must run the browser test; {how}"
        );
        eprintln!("skipped: {how}");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let (page, js) = reports(dir.path());
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page refers to no address"
    );

    let shot = dir.path().join("shot.png");
    let out = browser(
        &exe,
        dir.path(),
        &[&format!("--screenshot={}", shot.display())],
        &page,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ink = inked(&shot);
    assert!(ink > 0.02, "the screenshot is blank: {ink:.4} of it inked");

    let out = browser(&exe, dir.path(), &["--dump-dom"], &page);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8(out.stdout).expect("UTF-8");
    for h in [
        "Overblik",
        "Gennemførelse pr. forvaltning og modul",
        "Vidensniveau pr. område",
        "Udvikling pr. forvaltning",
        "Spørgsmål der bør ses på",
        "Sådan læses tallene",
        "Problemer og optælling",
    ] {
        assert!(
            dom.contains(&format!("{h}</h2>")),
            "the DOM lacks the heading {h}"
        );
    }
    // One SVG per chart: the heatmap, the areas, and the trend of all forvaltninger and of
    // each forvaltning with a shown knowledge figure (counted from the JSON report).
    let shown: std::collections::BTreeSet<&str> = js["knowledge"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["suppressed"] == false && r["forvaltning"] != "*")
        .filter_map(|r| r["forvaltning"].as_str())
        .collect();
    assert!(shown.len() >= 3, "{shown:?}");
    assert_eq!(
        dom.matches("<svg ").count(),
        3 + shown.len(),
        "one SVG per chart"
    );
    assert_eq!(
        dom.matches("role=\"img\"").count(),
        3 + shown.len(),
        "each chart is an image with a text alternative"
    );
}
