//! The organisation's configuration, preinstalled by IT on every machine, laid under the
//! learner's own.
//!
//! IT installs one `config.ron` (the same format as the learner's, without `learner`) in the
//! machine's shared configuration folder: `%PROGRAMDATA%\bevidst` on Windows (the MSI in
//! `packaging/windows/` can carry it), `/etc/bevidst` on Linux; the binary resolves the folder,
//! the library takes it as a parameter. Who wins, field by field:
//!
//! - `collect_dir`, `forvaltninger`, `onboarding_days`, `courses`, `lrs`, `lrs_credentials`:
//!   the organisation's, where it sets them. Where records are collected (a folder, a Learning
//!   Record Store), which forvaltninger exist, the onboarding deadline and the course set (with
//!   its organisation profile) are the organisation's to decide; the learner's own file
//!   supplies them only where the organisation is silent.
//! - `language`: the learner's choice once they have a file of their own; the organisation's
//!   until then (the first start opens in it).
//! - `learner`: only the learner's; an organisation file naming one is refused.
//!
//! Saving writes only the learner's own file: the learner's language and answers over what
//! their file held, never a value that came from the organisation's.

use std::path::Path;

use super::{CONFIG_FILE, CONFIG_VERSION, Config, ConfigError, Invalid};

/// Reads the learner's `own_dir/config.ron` under the organisation's
/// `organisation_dir/config.ron` (`None`, or a folder without the file: the learner's alone).
pub fn load_layered(
    organisation_dir: Option<&Path>,
    own_dir: &Path,
) -> Result<Config, ConfigError> {
    let own = super::load_file(own_dir)?;
    let Some(dir) = organisation_dir else {
        return Ok(own.unwrap_or_default());
    };
    let organisation = match super::load_file(dir) {
        Ok(Some(c)) => c,
        Ok(None) => return Ok(own.unwrap_or_default()),
        Err(e) => return Err(ConfigError::Organisation(Box::new(e))),
    };
    if organisation.learner.is_some() {
        return Err(ConfigError::Organisation(Box::new(ConfigError::Invalid {
            path: dir.join(CONFIG_FILE),
            problem: Invalid::LearnerInOrganisation,
        })));
    }
    Ok(lay(organisation, own))
}

/// The configuration a learner's program runs with: `organisation` under `own` (the rules in
/// the module header). Every field is named, so a new one cannot be forgotten here.
fn lay(organisation: Config, own: Option<Config>) -> Config {
    let Config {
        version: _,
        language,
        learner: _,
        collect_dir,
        forvaltninger,
        onboarding_days,
        courses,
        lrs,
        lrs_credentials,
        own_file: _,
    } = organisation;
    let has_own = own.is_some();
    let mine = own.unwrap_or_default();
    Config {
        version: CONFIG_VERSION,
        language: if has_own { mine.language } else { language },
        learner: mine.learner.clone(),
        collect_dir: collect_dir.or_else(|| mine.collect_dir.clone()),
        forvaltninger: forvaltninger.or_else(|| mine.forvaltninger.clone()),
        onboarding_days: onboarding_days.or(mine.onboarding_days),
        courses: courses.or_else(|| mine.courses.clone()),
        lrs: lrs.or_else(|| mine.lrs.clone()),
        lrs_credentials: lrs_credentials.or_else(|| mine.lrs_credentials.clone()),
        own_file: Some(Box::new(mine)),
    }
}

/// What [`super::save`] writes for `config`: with an organisation's configuration under it,
/// the learner's own file with the learner's language and answers (the only fields the program
/// changes); otherwise `config` itself.
pub(super) fn own_part(config: &Config) -> Config {
    match &config.own_file {
        Some(own) => Config {
            version: CONFIG_VERSION,
            language: config.language,
            learner: config.learner.clone(),
            own_file: None,
            ..(**own).clone()
        },
        None => config.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::PathBuf;

    use super::*;
    use crate::config::{Learner, load, save};
    use crate::course::Role;
    use crate::lang::Lang;
    use crate::message::Bilingual as _;

    /// An organisation folder and a learner folder in one temporary directory.
    struct Machine {
        dir: tempfile::TempDir,
    }

    impl Machine {
        fn new() -> Machine {
            Machine {
                dir: tempfile::tempdir().expect("temp dir"),
            }
        }
        fn organisation(&self) -> PathBuf {
            self.dir.path().join("etc-bevidst")
        }
        fn own(&self) -> PathBuf {
            self.dir.path().join("home-config")
        }
        fn load(&self) -> Result<Config, ConfigError> {
            load_layered(Some(&self.organisation()), &self.own())
        }
    }

    fn install(dir: &Path, text: &str) {
        fs::create_dir_all(dir).expect("mkdir");
        fs::write(dir.join(CONFIG_FILE), text).expect("write");
    }

    const ORGANISATION: &str = r#"Config(
        version: 1,
        language: En,
        collect_dir: Some("X:/bevidst"),
        forvaltninger: Some(["Afdeling A", "Afdeling B"]),
        onboarding_days: Some(30),
        courses: Some("X:/kurser"),
        lrs: Some("https://lrs.kk.dk/xAPI/statements"),
    )"#;

    fn learner() -> Learner {
        Learner {
            employee_id: "ab12".into(),
            forvaltning: "Afdeling B".into(),
            role: Role::Employee,
            start_date: jiff::civil::date(2025, 8, 1),
        }
    }

    #[test]
    fn before_the_first_start_the_organisation_sets_everything_it_names() {
        let m = Machine::new();
        install(&m.organisation(), ORGANISATION);
        let c = m.load().expect("load");
        assert_eq!(c.language, Lang::En, "the first start opens in it");
        assert_eq!(c.learner, None);
        assert_eq!(c.collect_dir, Some(PathBuf::from("X:/bevidst")));
        assert_eq!(c.forvaltninger(), vec!["Afdeling A", "Afdeling B"]);
        assert_eq!(c.onboarding_days, Some(30));
        assert_eq!(c.courses, Some(PathBuf::from("X:/kurser")));
        assert_eq!(c.lrs.as_deref(), Some("https://lrs.kk.dk/xAPI/statements"));
    }

    #[test]
    fn the_learners_language_and_answers_win_the_organisations_settings_win_the_rest() {
        let m = Machine::new();
        install(&m.organisation(), ORGANISATION);
        install(
            &m.own(),
            r#"Config(version: 1, language: Da,
                learner: Learner(employee_id: "ab12", forvaltning: "Afdeling B", start_date: "2025-08-01"),
                collect_dir: Some("/tmp/mine"), forvaltninger: Some(["Min egen"]),
                onboarding_days: Some(365), courses: Some("/tmp/kurser"),
                lrs: Some("http://127.0.0.1:9/mine"), lrs_credentials: Some("/tmp/mine.cred"))"#,
        );
        let c = m.load().expect("load");
        assert_eq!(c.language, Lang::Da);
        assert_eq!(c.learner, Some(learner()));
        assert_eq!(c.collect_dir, Some(PathBuf::from("X:/bevidst")));
        assert_eq!(c.forvaltninger(), vec!["Afdeling A", "Afdeling B"]);
        assert_eq!(
            c.onboarding_days,
            Some(30),
            "no learner moves their deadline"
        );
        assert_eq!(c.courses, Some(PathBuf::from("X:/kurser")));
        assert_eq!(
            c.lrs.as_deref(),
            Some("https://lrs.kk.dk/xAPI/statements"),
            "no learner sends their records elsewhere"
        );
        assert_eq!(
            c.lrs_credentials,
            Some(PathBuf::from("/tmp/mine.cred")),
            "the organisation names no credentials file"
        );
    }

    #[test]
    fn where_the_organisation_is_silent_the_learners_file_counts() {
        let m = Machine::new();
        install(
            &m.organisation(),
            "Config(version: 1, onboarding_days: Some(7))",
        );
        install(
            &m.own(),
            r#"Config(version: 1, collect_dir: Some("/srv/bevidst"))"#,
        );
        let c = m.load().expect("load");
        assert_eq!(c.collect_dir, Some(PathBuf::from("/srv/bevidst")));
        assert_eq!(c.onboarding_days, Some(7));
        assert_eq!(c.forvaltninger().len(), 7, "the built-in list");
    }

    #[test]
    fn without_an_organisation_file_it_is_the_learners_alone() {
        let m = Machine::new();
        install(&m.own(), "Config(version: 1, language: En)");
        let alone = load(&m.own()).expect("load");
        assert_eq!(m.load().expect("no folder"), alone);
        assert_eq!(load_layered(None, &m.own()).expect("none"), alone);
        assert_eq!(alone.own_file, None);
    }

    #[test]
    fn saving_writes_the_learners_part_and_nothing_of_the_organisations() {
        let m = Machine::new();
        install(&m.organisation(), ORGANISATION);
        install(
            &m.own(),
            r#"Config(version: 1, collect_dir: Some("/tmp/mine"))"#,
        );
        let mut c = m.load().expect("load");
        c.learner = Some(learner());
        c.language = Lang::Da;
        save(&m.own(), &c).expect("save");
        let written = load(&m.own()).expect("the learner's own file");
        assert_eq!(written.learner, Some(learner()));
        assert_eq!(written.language, Lang::Da);
        assert_eq!(
            written.collect_dir,
            Some(PathBuf::from("/tmp/mine")),
            "the learner's own value is kept"
        );
        assert_eq!(written.forvaltninger, None);
        assert_eq!(written.onboarding_days, None);
        assert_eq!(written.courses, None);
        assert_eq!(written.lrs, None);
        assert_eq!(m.load().expect("again"), {
            let mut again = c.clone();
            again.own_file = Some(Box::new(written));
            again
        });
    }

    #[test]
    fn a_broken_organisation_file_names_itself_and_says_to_contact_it() {
        let m = Machine::new();
        for (body, needle) in [
            ("Config(version: 1, colour: Red)", "colour"),
            (
                r#"Config(version: 1, learner: Learner(employee_id: "ab12", forvaltning: "X", start_date: "2025-08-01"))"#,
                "remove `learner`",
            ),
            ("Config(version: 9)", "update bevidst"),
        ] {
            install(&m.organisation(), body);
            let err = m.load().expect_err(body);
            assert!(matches!(err, ConfigError::Organisation(_)), "{err:?}");
            let text = err.text(Lang::En);
            assert!(text.contains("etc-bevidst"), "{text}");
            assert!(text.contains(needle), "{text}");
            assert!(text.contains("contact IT"), "{text}");
        }
    }
}
