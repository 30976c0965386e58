//! The model as plain lines: each screen of the journey, the prompt under it and the help.
//! Pure: the same model always gives the same lines, which is how the driver knows whether
//! something changed. The words come from `app::texts`, `app::doc` and `app::status`, as the
//! terminal UI's do; there is no box drawing and no colour, and every state is said in words
//! (a ✓ or ✗ is always next to the word it stands for).

use crate::app::doc::{self, Para, Tone};
use crate::app::texts::{self as app_texts, texts as app};
use crate::app::{Confirm, Form, Model, Overlay, Screen, Step, status};
use crate::course::QuestionKind;
use crate::lang::Lang;
use crate::safe_text::sanitize;
use crate::schedule::State;

use super::commands::{self, Row};
use super::context::Context;
use super::texts::{self, texts};
use crate::app::Mode;
use crate::message::Bilingual as _;

/// Wraps paragraphs to `width` columns as plain lines.
fn lay(paras: &[Para], width: usize) -> Vec<String> {
    doc::layout(paras, width)
        .into_iter()
        .map(|l| l.text.trim_end().to_owned())
        .collect()
}

fn text(s: impl Into<String>) -> Para {
    Para::new(Tone::Text, s)
}

/// "N. text", wrapped with the text's following lines under its first.
fn numbered(n: usize, s: impl Into<String>) -> Para {
    Para::with_prefix(Tone::Text, format!("{n}. "), s)
}

/// The current screen, the dialog over it or the journey's notice included.
pub fn screen(model: &Model, width: usize) -> Vec<String> {
    let lang = model.lang();
    let mut paras = match (&model.overlay, &model.screen) {
        (Some(Overlay::Confirm(c)), _) => confirm(*c, lang),
        (Some(Overlay::Source { .. }), _) => model.source_page().unwrap_or_default(),
        (_, Screen::FirstStart(form)) => first_start(form, lang),
        (_, Screen::Home) => home(model),
        (_, Screen::Lesson(s)) => match model.courses.modules.get(s.module) {
            Some(m) => {
                let pages = m.module.lessons.len();
                let mut out = vec![Para::new(
                    Tone::Muted,
                    format!(
                        "{} · {}",
                        sanitize(m.module.title.get(lang), true),
                        app_texts::page_of(lang, (s.page + 1).min(pages), pages)
                    ),
                )];
                out.extend(doc::lesson(m, s.page, lang));
                out
            }
            None => Vec::new(),
        },
        (_, Screen::Quiz(s)) => quiz(model, s),
        (_, Screen::HandIn(s)) => hand_in(model, s),
        (_, Screen::Result(r)) => match model.courses.modules.get(r.module) {
            Some(m) => {
                let mut out = vec![Para::new(Tone::Muted, app(lang).result_title)];
                out.extend(doc::result(m, r, &model.history, lang));
                out
            }
            None => Vec::new(),
        },
        (_, Screen::Review(r)) => match model.courses.modules.get(r.result.module) {
            Some(m) => {
                let mut out = vec![Para::new(
                    Tone::Muted,
                    format!(
                        "{} · {}",
                        app(lang).review_title,
                        sanitize(m.module.title.get(lang), true)
                    ),
                )];
                out.extend(doc::review(m, &r.result, r.index, lang));
                out
            }
            None => Vec::new(),
        },
        (_, Screen::Settings(s)) => settings(model, s),
        (_, Screen::MyResults { .. }) => {
            let mut out = vec![Para::new(Tone::Title, app(lang).my_results_title)];
            out.extend(crate::app::my_results::page(model));
            out
        }
    };
    if let Some(notice) = &model.notice {
        paras.push(Para::blank());
        paras.push(Para::new(Tone::Warning, sanitize(&notice.text(lang), true)));
    }
    lay(&paras, width)
}

fn confirm(c: Confirm, lang: Lang) -> Vec<Para> {
    let t = app(lang);
    let question = match c {
        Confirm::LeaveQuiz { .. } => t.leave_quiz.to_owned(),
        Confirm::HandIn { unanswered } => crate::app::hand_in::confirm_text(lang, unanswered),
        Confirm::DiscardUnsaved(_) => t.discard_unsaved.to_owned(),
    };
    vec![Para::new(Tone::Heading, t.confirm_title), text(question)]
}

/// The question of one field of the form: the question, the list if it is one, and why the
/// last answer was refused.
fn field(form: &Form, step: Step, lang: Lang) -> Vec<Para> {
    let mut out = vec![Para::new(Tone::Heading, form.question(step, lang))];
    if let Context::List { names, .. } = Context::of_field(form, step) {
        out.extend(
            names
                .into_iter()
                .enumerate()
                .map(|(i, n)| numbered(i + 1, n)),
        );
    }
    if let Some(e) = form.error {
        out.push(Para::new(
            Tone::Warning,
            format!("{} {}", texts(lang).error_prefix, e.text(lang)),
        ));
    }
    out
}

fn first_start(form: &Form, lang: Lang) -> Vec<Para> {
    let t = app(lang);
    if form.step == Step::Summary {
        let mut out = vec![
            Para::new(Tone::Heading, t.summary_title),
            text(t.summary_intro),
        ];
        for (step, value) in Step::FIELDS.iter().zip(form.field_values(lang)) {
            out.push(Para::with_prefix(
                Tone::Text,
                "  ",
                format!("{}: {value}", step.label(lang)),
            ));
        }
        out.push(text(t.summary_note));
        return out;
    }
    let mut out = Vec::new();
    if form.step == Step::Language {
        out.push(Para::new(Tone::Title, t.welcome_title));
        out.push(text(t.welcome));
        out.push(Para::blank());
    }
    let number = Step::FIELDS
        .iter()
        .position(|s| *s == form.step)
        .unwrap_or(0)
        + 1;
    out.push(Para::new(
        Tone::Muted,
        app_texts::step_of(lang, number, Step::FIELDS.len()),
    ));
    out.extend(field(form, form.step, lang));
    out
}

fn home(model: &Model) -> Vec<Para> {
    let lang = model.lang();
    let t = app(lang);
    let mut out = vec![Para::new(Tone::Title, t.home_title)];
    if let Some(learner) = &model.config.learner {
        out.push(Para::new(
            Tone::Muted,
            app_texts::learner_line(
                lang,
                &sanitize(&learner.employee_id, true),
                &sanitize(&learner.forvaltning, true),
            ),
        ));
    }
    let modules = &model.courses.modules;
    if modules.is_empty() {
        out.push(Para::new(Tone::Warning, t.no_modules));
        return out;
    }
    let (passed, total) = model.progress();
    out.push(text(app_texts::progress(lang, passed, total)));
    out.push(Para::blank());
    let statuses = model.statuses();
    // The status in words only: the home screen's symbols read aloud as noise ("circle with
    // upper right quadrant"), and the words say everything they do.
    for (i, (m, st)) in modules.iter().zip(&statuses).enumerate() {
        let number = format!("{}. ", i + 1);
        let indent = " ".repeat(number.len());
        out.push(Para::with_prefix(
            Tone::Text,
            number,
            sanitize(m.module.title.get(lang), true),
        ));
        out.push(Para::with_prefix(
            Tone::Muted,
            indent,
            status::describe(&m.module, st, lang),
        ));
    }
    out.push(Para::blank());
    match model.next_module() {
        Some(next) => {
            if let Some(m) = modules.get(next) {
                out.push(Para::new(Tone::Heading, t.next_step));
                out.push(numbered(next + 1, sanitize(m.module.title.get(lang), true)));
                out.push(text(sanitize(m.module.summary.get(lang), true)));
                out.push(Para::new(
                    Tone::Muted,
                    app_texts::module_facts(
                        lang,
                        m.module.lessons.len(),
                        m.module.draw,
                        m.module.pass_mark,
                    ),
                ));
            }
        }
        None if statuses
            .iter()
            .all(|s| matches!(s.state, State::Passed { .. })) =>
        {
            out.push(Para::new(Tone::Right, t.all_done));
        }
        None => {}
    }
    for note in &model.log_notes {
        out.push(Para::new(Tone::Warning, sanitize(note, true)));
    }
    out
}

fn quiz(model: &Model, s: &crate::app::QuizState) -> Vec<Para> {
    let lang = model.lang();
    let Some((q, order)) = model
        .courses
        .modules
        .get(s.module)
        .and_then(|m| s.current_question(m))
    else {
        return Vec::new();
    };
    let count = s.attempt.items.len();
    let mut out = vec![
        Para::new(
            Tone::Muted,
            format!(
                "{} · {}",
                app_texts::question_of(lang, s.current + 1, count),
                app_texts::answered_of(lang, s.answered(), count)
            ),
        ),
        Para::new(Tone::Heading, sanitize(q.prompt.get(lang), true)),
    ];
    out.extend(crate::app::quiz::answer_hint(q, lang).map(|h| Para::new(Tone::Muted, h)));
    for (pos, &c) in order.iter().enumerate() {
        if let Some(choice) = q.choices.get(c) {
            out.push(numbered(pos + 1, sanitize(choice.text.get(lang), true)));
        }
    }
    if let Some(answer) = s.answers.get(s.current).filter(|a| !a.is_empty()) {
        let numbers: Vec<String> = order
            .iter()
            .enumerate()
            .filter(|(_, c)| answer.contains(c))
            .map(|(pos, _)| (pos + 1).to_string())
            .collect();
        out.push(text(texts::current_answer(lang, &numbers.join(", "))));
    }
    out
}

/// The hand-in page: the intro, then every question numbered with whether it is answered.
fn hand_in(model: &Model, s: &crate::app::HandInState) -> Vec<Para> {
    let lang = model.lang();
    let Some(m) = model.courses.modules.get(s.quiz.module) else {
        return Vec::new();
    };
    let mut out = crate::app::hand_in::intro(s, lang);
    out.push(Para::blank());
    for (i, (answered, prompt)) in s.rows(m, lang).into_iter().enumerate() {
        let word = crate::app::hand_in::answered_word(lang, answered);
        out.push(numbered(i + 1, format!("{word}: {prompt}")));
    }
    out
}

fn settings(model: &Model, s: &crate::app::SettingsState) -> Vec<Para> {
    let lang = model.lang();
    let t = app(lang);
    let mut out = vec![Para::new(Tone::Title, t.settings_title)];
    if s.editing {
        // Only the question: the list was just read, and is read again once it is answered.
        out.extend(field(&s.form, s.field(), lang));
        return out;
    }
    out.push(text(t.settings_intro));
    out.push(Para::blank());
    // The saved values in the list; the edited one in the question below it.
    let saved = Form::from_config(&model.config, model.today);
    for (i, (step, value)) in Step::FIELDS
        .iter()
        .zip(saved.field_values(lang))
        .enumerate()
    {
        out.push(numbered(i + 1, format!("{}: {value}", step.label(lang))));
    }
    out
}

/// What to type now, ending in ": ".
pub fn prompt(ctx: &Context, lang: Lang) -> String {
    let t = texts(lang);
    let what = match ctx {
        // A refused value is never offered to keep.
        Context::Text { current, refused } if current.is_empty() || *refused => {
            t.type_answer.to_owned()
        }
        Context::Text { current, .. } => texts::keep_text(lang, current),
        Context::List { names, current } => match current.and_then(|i| names.get(i)) {
            Some(name) => texts::keep_choice(lang, names.len(), name),
            None => texts::choose_from(lang, names.len()),
        },
        Context::Summary => t.save_answers.to_owned(),
        Context::Home { modules: 0, .. } => t.choose_module.to_owned(),
        Context::Home { selected, .. } => texts::choose_module_or(lang, selected + 1),
        Context::Lesson { last: true } => t.lesson_last.to_owned(),
        Context::Lesson { last: false } => t.lesson_next.to_owned(),
        Context::Quiz { kind, choices, .. } => match (kind, choices.as_slice()) {
            (QuestionKind::TrueFalse, [a, b]) => texts::two_choices(lang, a, b),
            (QuestionKind::Multiple, _) => t.multiple.to_owned(),
            (QuestionKind::Single | QuestionKind::TrueFalse, _) => {
                texts::one_number(lang, choices.len())
            }
        },
        Context::HandIn { count } => texts::hand_in(lang, *count),
        Context::Confirm => t.yes_no.to_owned(),
        Context::Source => texts::back_to_page(lang).to_owned(),
        Context::Result => t.result_review.to_owned(),
        Context::ResultUnsaved => t.result_save_again.to_owned(),
        Context::Review { last: true } => t.review_last.to_owned(),
        Context::Review { last: false } => t.review_next.to_owned(),
        Context::Settings { .. } => t.settings_choose.to_owned(),
        Context::MyResults => t.my_results_back.to_owned(),
    };
    texts::prompt(lang, &what)
}

/// The help of a screen: what the program is for, then what can be typed here and what can
/// be typed everywhere, from the same table the parser reads, without the words whose
/// message does nothing on the screen (`inert`, which is `Model::inert`).
pub fn help(
    ctx: &Context,
    lang: Lang,
    width: usize,
    inert: impl Fn(&crate::app::Message) -> bool,
) -> Vec<String> {
    let t = texts(lang);
    let mode = ctx.mode();
    let row = |r: &Row| {
        let (shown, what) = match lang {
            Lang::Da => (r.shown.0, r.what.0),
            Lang::En => (r.shown.1, r.what.1),
        };
        Para::with_prefix(Tone::Text, "  ", format!("{shown}: {what}"))
    };
    let mut out = vec![
        Para::new(Tone::Title, app(lang).help_title),
        text(app(lang).help_intro),
        Para::new(Tone::Heading, t.commands),
    ];
    let acts = |r: &&Row| !matches!(&r.action, commands::Action::Send(m) if inert(m));
    out.extend(
        commands::rows(mode)
            .filter(|r| !r.general)
            .filter(acts)
            .map(row),
    );
    if matches!(mode, Mode::Text) {
        out.push(Para::with_prefix(Tone::Text, "  ", t.text_commands));
    }
    out.push(Para::new(Tone::Heading, t.general));
    out.extend(commands::rows(mode).filter(|r| r.general).map(row));
    lay(&out, width)
}
