//! Starting a learner session, the same for the terminal UI and the plain mode: read the
//! configuration, load the courses, open the learner's log (retrying the copy to the
//! collection folder, and starting to send to a Learning Record Store in the background what
//! it has not acknowledged), and build the model and the services. Paths, the login name, the
//! LRS credentials of the environment, the clock and the random source come in as
//! parameters; `main.rs` resolves the defaults.

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rand::Rng;

use super::Model;
use super::delivery::{Delivery, Setup};
use super::runtime::Live;
use super::store::LogStore;
use super::texts;
use crate::config::{self, Config, ConfigError};
use crate::course::{self, CourseError, CourseSet};
use crate::lang::Lang;
use crate::lrs::EnvCredentials;
use crate::message::Bilingual;
use crate::record::{self, LearnerLog, RecordError};

/// Where a session keeps its files.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The folder of `config.ron`.
    pub config_dir: PathBuf,
    /// The folder of the organisation's preinstalled `config.ron`, laid under the learner's
    /// ([`config::load_layered`]); `None` for none.
    pub organisation_config_dir: Option<PathBuf>,
    /// The folder of the learner's log.
    pub data_dir: PathBuf,
    /// The collection folder to use when the configuration names none.
    pub collect_dir: Option<PathBuf>,
    /// A course folder that wins over the configuration's and the bundled courses.
    pub courses: Option<PathBuf>,
}

/// Why a session could not start; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration could not be read.
    Config(#[from] ConfigError),
    /// The course files have errors.
    Courses(Vec<CourseError>),
    /// The learner's log could not be opened.
    Log(#[from] RecordError),
}

impl Bilingual for StartError {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Config(e) => e.write(lang, out),
            StartError::Log(e) => e.write(lang, out),
            StartError::Courses(errors) => {
                // Each course error is for the course's author, in English (see
                // `course::CourseError`); what the learner is to do is in their language.
                for e in errors {
                    writeln!(out, "{e}")?;
                }
                let n = errors.len();
                lang.write(
                    out,
                    format_args!(
                        "{n} fejl i kursusfilerne; kør `bevidst check` på mappen for detaljer, \
                         eller kontakt it-sikkerhedsfunktionen"
                    ),
                    format_args!(
                        "{n} error(s) in the course files; run `bevidst check` on the folder for \
                         details, or contact the IT-security function"
                    ),
                )
            }
        }
    }
}

crate::danish_display!(StartError);

/// The course set of a session: the folder `paths` names, else the configuration's, else the
/// bundled courses. `bevidst status` and `history` read the same set as the program.
pub fn courses(paths: &Paths, config: &Config) -> Result<CourseSet, Vec<CourseError>> {
    let folder: Option<&Path> = paths.courses.as_deref().or(config.courses.as_deref());
    match folder {
        Some(dir) => course::load_dir(dir),
        None => course::bundled(),
    }
}

/// What the program's environment tells a session: the login name, and the LRS credentials
/// (`BEVIDST_LRS_USER`, `BEVIDST_LRS_PASSWORD`; none in tests unless they set them).
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// The login name, offered as the employee id at first start.
    pub login: String,
    /// The LRS credentials of the environment.
    pub lrs_env: EnvCredentials,
}

/// Opens a session: the model at its first screen (the first-start questions, or home) and
/// the services that store what the learner does.
pub fn start<R: Rng>(
    paths: &Paths,
    env: &Environment,
    now: Timestamp,
    mut rng: R,
) -> Result<(Model, Live<LogStore, R>), StartError> {
    let config = config::load_layered(paths.organisation_config_dir.as_deref(), &paths.config_dir)?;
    let lang = config.language;
    let courses = courses(paths, &config).map_err(StartError::Courses)?;
    let log_path = record::log_path(&paths.data_dir);
    let (log, opened) = LearnerLog::open(&log_path, &mut rng)?;
    let mut notes = opened.messages(lang, &log_path);
    let mut store = LogStore {
        log,
        collect_dir: config
            .collect_dir
            .clone()
            .or_else(|| paths.collect_dir.clone()),
        delivery: Delivery::Off,
    };
    // A copy that failed after an earlier completion is retried at every start.
    if let Err(why) = store.copy_to_collection() {
        notes.push(texts::copy_failed(lang, &why));
    }
    let today = now.to_zoned_datetime(crate::schedule::copenhagen()).date();
    let (version_since, seen_note) = super::seen::update(&paths.data_dir, &courses, today, lang);
    notes.extend(seen_note);
    let mut model = Model::new(courses, config, store.history(), today, &env.login);
    model.receipts = store.receipts();
    model.version_since = version_since;
    // Whatever the LRS has not acknowledged is sent in the background: the home screen is
    // not held up by a slow LRS (a failure is news for a later message, `runtime::dispatch`).
    store.delivery = Delivery::start(
        &Setup {
            config: &model.config,
            config_dir: &paths.config_dir,
            data_dir: &paths.data_dir,
            env: &env.lrs_env,
            courses: std::sync::Arc::clone(&model.catalogue),
        },
        store.log.records(),
    );
    notes.extend(store.delivery.broken().map(|why| why.text(lang)));
    model.log_notes = notes;
    model.cannot_save = store.log.unwritable().map(str::to_owned);
    let services = Live {
        config_dir: paths.config_dir.clone(),
        store,
        rng,
        test_clock: None,
    };
    Ok((model, services))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Screen;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn paths(dir: &Path) -> Paths {
        Paths {
            config_dir: dir.join("config"),
            organisation_config_dir: None,
            data_dir: dir.join("data"),
            collect_dir: None,
            courses: None,
        }
    }

    fn ab12() -> Environment {
        Environment {
            login: "ab12".into(),
            ..Environment::default()
        }
    }

    #[test]
    fn a_first_session_asks_the_first_start_questions_and_creates_the_log() {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = Timestamp::from_second(1_764_320_400).expect("time");
        let (model, _) = start(
            &paths(dir.path()),
            &Environment {
                login: "jens".into(),
                ..Environment::default()
            },
            now,
            ChaCha8Rng::seed_from_u64(1),
        )
        .expect("start");
        assert!(matches!(model.screen, Screen::FirstStart(_)));
        assert_eq!(model.today, jiff::civil::date(2025, 11, 28));
        assert!(!model.courses.modules.is_empty(), "the bundled courses");
        assert!(dir.path().join("data").join("log.ron").exists());
        assert_eq!(
            model.version_since.len(),
            model.catalogue.modules.len(),
            "every module version is noted as seen today"
        );
        assert!(
            model
                .version_since
                .values()
                .all(|d| *d == jiff::civil::date(2025, 11, 28))
        );
    }

    #[test]
    fn an_unreachable_collection_folder_is_a_note_not_a_failure() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = paths(dir.path());
        let config = config::Config {
            learner: Some(config::Learner {
                employee_id: "ab12".into(),
                forvaltning: "Økonomiforvaltningen".into(),
                start_date: jiff::civil::date(2025, 11, 20),
                role: crate::course::Role::Employee,
            }),
            collect_dir: Some(dir.path().join("no-such-share")),
            ..config::Config::default()
        };
        config::save(&p.config_dir, &config).expect("save");
        let now = Timestamp::from_second(1_764_320_400).expect("time");
        let (mut model, mut services) =
            start(&p, &ab12(), now, ChaCha8Rng::seed_from_u64(1)).expect("start");
        assert!(model.log_notes.is_empty(), "nothing to copy yet");
        // Finish one quiz: the record is stored, the copy fails, and the result says so.
        let mut send = |model: &mut Model, msg| {
            crate::app::runtime::dispatch(model, msg, &mut services);
        };
        send(&mut model, crate::app::Message::StartQuiz);
        while matches!(model.screen, Screen::Quiz(_)) && model.overlay.is_none() {
            send(&mut model, crate::app::Message::Pick(0));
            send(&mut model, crate::app::Message::Confirm);
        }
        send(&mut model, crate::app::Message::HandIn);
        send(&mut model, crate::app::Message::Yes);
        let Screen::Result(result) = &model.screen else {
            panic!("handed in: {:?}", model.screen);
        };
        // Said once, in one sentence, with the reason in words and no "(os error 2)".
        let said = format!(
            "Dine resultater er gemt på din computer, men kunne ikke kopieres til den fælles mappe {}, fordi mappen ikke findes; det bliver prøvet igen, næste gang du starter bevidst.",
            dir.path().join("no-such-share").display()
        );
        let crate::app::SaveState::Stored {
            copy_problem: Some(problem),
            ..
        } = &result.save
        else {
            panic!("stored, with a copy problem: {:?}", result.save);
        };
        assert_eq!(problem, &said);
        // The next start retries the copy and tells the learner it still fails.
        let (model, _) = start(&p, &ab12(), now, ChaCha8Rng::seed_from_u64(1)).expect("start");
        assert_eq!(model.log_notes, [said]);
    }

    #[test]
    fn broken_course_files_are_listed_with_what_to_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let courses = dir.path().join("courses");
        std::fs::create_dir_all(&courses).expect("mkdir");
        std::fs::write(courses.join("bad.ron"), "Module(").expect("write");
        let mut p = paths(dir.path());
        p.courses = Some(courses);
        let now = Timestamp::from_second(1_764_320_400).expect("time");
        let err = start(&p, &ab12(), now, ChaCha8Rng::seed_from_u64(1))
            .err()
            .expect("refused");
        let text = err.to_string();
        assert!(text.contains("bad.ron"), "{text}");
        assert!(text.contains("bevidst check"), "{text}");
    }
}
