//! Pages of text as the learner reads them: a lesson page, the review of one question, the
//! summary of a result. Each is a list of paragraphs with a *tone* (what the text means, not
//! how it looks); the terminal UI picks colours and modifiers per tone, the plain mode prints
//! the words. Meaning never rests on colour alone: right and wrong carry ✓ and ✗ in the text.
//!
//! Every text from a course file passes through `safe_text::sanitize` here.

use super::quiz::{Acceptance, ResultState};
use super::texts::{self, texts};
use super::wrap;
use crate::attempt::FinishedAttempt;
use crate::course::LoadedModule;
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::safe_text::sanitize;

/// What a piece of text is, so each interface can show it fittingly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The page's title.
    Title,
    /// A heading or a question's prompt.
    Heading,
    /// Running text.
    Text,
    /// Secondary information: sources, sections, feedback.
    Muted,
    /// Something right (carries ✓).
    Right,
    /// Something wrong (carries ✗).
    Wrong,
    /// Something that needs attention.
    Warning,
    /// The completion receipt.
    Receipt,
}

/// A paragraph: wrapped as a whole, its first line starting with `prefix` and the following
/// lines indented by the prefix's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// What the paragraph is.
    pub tone: Tone,
    /// Put before the first line (a symbol or an indent).
    pub prefix: String,
    /// The text, on one logical line.
    pub text: String,
}

impl Para {
    /// A paragraph without a prefix.
    pub fn new(tone: Tone, text: impl Into<String>) -> Para {
        Para {
            tone,
            prefix: String::new(),
            text: text.into(),
        }
    }

    /// A paragraph with a prefix.
    pub fn with_prefix(tone: Tone, prefix: impl Into<String>, text: impl Into<String>) -> Para {
        Para {
            tone,
            prefix: prefix.into(),
            text: text.into(),
        }
    }

    /// An empty line between paragraphs.
    pub fn blank() -> Para {
        Para::new(Tone::Text, "")
    }
}

/// One display line after wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line's paragraph is.
    pub tone: Tone,
    /// The text, at most the wrap width wide (a single over-wide character aside).
    pub text: String,
}

/// Wraps paragraphs to `width` columns.
pub fn layout(paras: &[Para], width: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    for p in paras {
        let prefix_w = wrap::width(&p.prefix);
        let (prefix, indent, avail) = if prefix_w < width {
            (p.prefix.as_str(), " ".repeat(prefix_w), width - prefix_w)
        } else {
            ("", String::new(), width)
        };
        for (i, text) in wrap::wrap(&p.text, avail).into_iter().enumerate() {
            let lead = if i == 0 { prefix } else { indent.as_str() };
            lines.push(Line {
                tone: p.tone,
                text: format!("{lead}{text}"),
            });
        }
    }
    lines
}

/// Course text made display-safe, on one line.
pub(super) fn safe(s: &str) -> String {
    sanitize(s, true)
}

/// Course text made display-safe, split into its paragraphs.
pub(super) fn paragraphs(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split("\n\n").map(safe).filter(|p| !p.trim().is_empty())
}

/// Page `page` of a module's lessons: title, policy section, the source of anything beyond the policy, body.
pub fn lesson(module: &LoadedModule, page: usize, lang: Lang) -> Vec<Para> {
    let Some(lesson) = module.module.lessons.get(page) else {
        return vec![Para::new(Tone::Muted, texts(lang).lesson_none)];
    };
    let mut out = vec![
        Para::new(Tone::Title, safe(lesson.title.get(lang))),
        Para::new(
            Tone::Muted,
            safe(&module.handbook.citation_label(&lesson.section, lang)),
        ),
    ];
    if let Some(source) = &lesson.beyond_policy {
        out.push(Para::new(
            Tone::Muted,
            texts::beyond_policy(lang, &safe(source)),
        ));
    }
    for p in paragraphs(lesson.body.get(lang)) {
        out.push(Para::blank());
        out.push(Para::new(Tone::Text, p));
    }
    out
}

/// The review of question `index` of a result: the prompt, whether the learner was right,
/// every choice marked as the learner's and/or the right one with its feedback, and the
/// explanation with its policy section.
pub fn review(module: &LoadedModule, result: &ResultState, index: usize, lang: Lang) -> Vec<Para> {
    let t = texts(lang);
    let Some(item) = result.attempt.items.get(index) else {
        return Vec::new();
    };
    let Some(q) = module.module.questions.get(item.question) else {
        return Vec::new();
    };
    let empty = crate::quiz::Answer::new();
    let answer = result.answers.get(index).unwrap_or(&empty);
    let right = result.outcome.correct.get(index).copied().unwrap_or(false);
    let mut out = vec![
        Para::new(
            Tone::Muted,
            format!(
                "{} · {}",
                texts::question_of(lang, index + 1, result.attempt.items.len()),
                q.area.name(lang)
            ),
        ),
        Para::new(Tone::Heading, safe(q.prompt.get(lang))),
        if right {
            Para::new(Tone::Right, t.answer_right)
        } else {
            Para::new(Tone::Wrong, t.answer_wrong)
        },
    ];
    if answer.is_empty() {
        out.push(Para::new(Tone::Warning, t.not_answered));
    }
    out.push(Para::blank());
    for &c in &item.order {
        let Some(choice) = q.choices.get(c) else {
            continue;
        };
        let chosen = answer.contains(&c);
        let (symbol, tone) = match (choice.correct, chosen) {
            (true, _) => ("✓ ", Tone::Right),
            (false, true) => ("✗ ", Tone::Wrong),
            (false, false) => ("  ", Tone::Text),
        };
        let mut tags = Vec::new();
        if chosen {
            tags.push(t.your_answer);
        }
        if choice.correct {
            tags.push(t.right_answer);
        }
        let tag = if tags.is_empty() {
            String::new()
        } else {
            format!(" ({})", tags.join(", "))
        };
        out.push(Para::with_prefix(
            tone,
            symbol,
            format!("{}{tag}", safe(choice.text.get(lang))),
        ));
        if chosen || choice.correct {
            out.push(Para::with_prefix(
                Tone::Muted,
                "    ",
                safe(choice.feedback.get(lang)),
            ));
        }
    }
    out.push(Para::blank());
    out.push(Para::new(
        Tone::Heading,
        safe(&module.handbook.citation_label(&q.section, lang)),
    ));
    if let Some(source) = &q.beyond_policy {
        out.push(Para::new(
            Tone::Muted,
            texts::beyond_policy(lang, &safe(source)),
        ));
    }
    for p in paragraphs(q.explanation.get(lang)) {
        out.push(Para::new(Tone::Text, p));
    }
    out
}

/// The summary of a result: passed, not passed or not accepted (and why), the score against
/// the pass mark, the share per area and the state of the record (saving, the receipt, or why
/// it failed). `history` is the learner's own finished attempts (of every
/// module); for each area of this attempt the learner also sees how they did on it in their
/// earlier attempts, so their own knowledge per area over time is visible (their data only).
pub fn result(
    module: &LoadedModule,
    result: &ResultState,
    history: &[FinishedAttempt],
    lang: Lang,
) -> Vec<Para> {
    let t = texts(lang);
    let o = &result.outcome;
    let score = Para::new(
        Tone::Text,
        texts::score_line(lang, o.score, o.max, module.module.pass_mark),
    );
    let mut out = vec![Para::new(Tone::Title, safe(module.module.title.get(lang)))];
    // "Bestået" only for a pass the verdict accepted: the report counts the same attempts.
    match (&result.acceptance, o.passed) {
        (Acceptance::NotAccepted(why), _) => out.extend([
            Para::new(Tone::Wrong, t.result_not_accepted),
            score,
            Para::new(Tone::Text, texts::not_accepted(lang, &why.text(lang))),
        ]),
        (Acceptance::Accepted, true) => out.extend([
            Para::new(Tone::Right, t.result_passed),
            score,
            Para::new(Tone::Text, t.well_done),
        ]),
        (Acceptance::Accepted | Acceptance::Pending, false) => out.extend([
            Para::new(Tone::Wrong, t.result_failed),
            score,
            Para::new(Tone::Text, t.try_again_soon),
        ]),
        (Acceptance::Pending, true) => out.push(score),
    }
    out.push(Para::blank());
    // The receipt comes before the per-area shares, so a small screen still shows it.
    out.extend(save_state(&result.save, lang));
    out.push(Para::blank());
    out.push(Para::new(Tone::Heading, t.per_area));
    let earlier = earlier_by_area(history, result.started);
    for (area, right, asked) in crate::quiz::by_area(&module.module, &result.attempt, o) {
        // ✓ when every question of the area was right, ✗ when not: never colour alone.
        let (tone, symbol) = if right == asked {
            (Tone::Right, "✓ ")
        } else {
            (Tone::Wrong, "✗ ")
        };
        let mut text = format!(
            "{}: {}",
            area.name(lang),
            texts::area_score(lang, right, asked)
        );
        if let Some(before) = earlier.iter().find(|p| p.area == area) {
            let shares: Vec<u32> = before
                .points
                .iter()
                .rev()
                .take(EARLIER_SHOWN)
                .rev()
                .map(|p| p.correct * 100 / p.asked.max(1))
                .collect();
            text.push_str(&texts::earlier_shares(lang, &shares));
        }
        out.push(Para::with_prefix(tone, symbol, text));
    }
    out
}

/// How many earlier attempts per area the result shows.
const EARLIER_SHOWN: usize = 3;

/// The learner's attempts finished before this one started, per area, oldest first.
fn earlier_by_area(
    history: &[FinishedAttempt],
    started: jiff::Timestamp,
) -> Vec<crate::quiz::AreaProgress> {
    let started = u64::try_from(started.as_second()).unwrap_or(0);
    crate::quiz::knowledge_by_area(history.iter().filter(|p| p.finished < started))
}

/// The state of the record as paragraphs: saving, the receipt, or the error.
pub fn save_state(save: &super::SaveState, lang: Lang) -> Vec<Para> {
    let t = texts(lang);
    match save {
        super::SaveState::Saving => vec![Para::new(Tone::Muted, t.saving)],
        super::SaveState::Stored {
            receipt,
            copy_problem,
            send_problem,
        } => {
            let mut out = vec![
                Para::new(
                    Tone::Receipt,
                    format!("{} {}", t.receipt_label, safe(receipt)),
                ),
                Para::new(Tone::Muted, t.receipt_note),
            ];
            for why in [copy_problem, send_problem].into_iter().flatten() {
                out.push(Para::new(Tone::Warning, safe(why)));
            }
            out
        }
        super::SaveState::Failed(why) => {
            vec![Para::new(
                Tone::Warning,
                texts::save_failed(lang, &safe(why)),
            )]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_hang_and_blank_paragraphs_stay() {
        let paras = [
            Para::with_prefix(Tone::Right, "✓ ", "en to tre fire fem"),
            Para::blank(),
            Para::new(Tone::Text, "x"),
        ];
        let lines = layout(&paras, 10);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["✓ en to", "  tre fire", "  fem", "", "x"]);
        assert_eq!(lines[1].tone, Tone::Right);
    }

    #[test]
    fn the_result_shows_the_learners_earlier_shares_per_area() {
        use crate::app::SaveState;
        use crate::attempt::AnsweredQuestion;
        use crate::policy::Area;
        use crate::quiz::{Answer, Attempt, DrawnQuestion, score};
        let src = include_str!("../../tests/fixtures/valid/eksempel.ron");
        let module = crate::course::parse_module("eksempel.ron", src.as_bytes()).expect("valid");
        let attempt = Attempt {
            module_id: "eksempel".into(),
            items: vec![
                DrawnQuestion {
                    question: 0,
                    order: vec![0, 1],
                },
                DrawnQuestion {
                    question: 1,
                    order: vec![0, 1],
                },
            ],
        };
        let answers = vec![Answer::from([1]), Answer::from([1])];
        let outcome = score(&module.module, &attempt, &answers);
        let started = jiff::Timestamp::from_second(2_000).expect("time");
        let state = ResultState {
            module: 0,
            attempt,
            answers,
            started,
            outcome,
            save: SaveState::Saving,
            acceptance: crate::app::Acceptance::Accepted,
        };
        let answer = |id: &str, correct| AnsweredQuestion {
            id: id.into(),
            area: Area::AccessControl,
            correct,
        };
        let past = |finished: u64, right: bool| FinishedAttempt {
            answers: vec![answer("eksempel-01", right), answer("eksempel-02", false)],
            ..FinishedAttempt::sample("eksempel", 1, finished, right)
        };
        let area_line = |history: &[FinishedAttempt]| {
            result(&module, &state, history, Lang::Da)
                .into_iter()
                .find(|p| p.text.starts_with("Adgangsstyring"))
                .map(|p| p.text)
        };
        assert_eq!(area_line(&[]).as_deref(), Some("Adgangsstyring: 2 af 2"));
        // Two earlier attempts (0 of 2, then 1 of 2); one after this attempt started is not
        // earlier (it is this attempt, once stored).
        let history = [past(1_000, false), past(1_500, true), past(2_100, true)];
        assert_eq!(
            area_line(&history).as_deref(),
            Some("Adgangsstyring: 2 af 2 · før: 0 %, 50 %")
        );
    }

    #[test]
    fn a_prefix_wider_than_the_line_is_dropped_not_a_panic() {
        let lines = layout(&[Para::with_prefix(Tone::Text, "      ", "abc")], 3);
        assert_eq!(lines[0].text, "abc");
        assert!(layout(&[Para::new(Tone::Text, "abc")], 0).is_empty());
    }
}
