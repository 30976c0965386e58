//! The learner's program with a Learning Record Store, through the real binary in plain mode.
//! With the LRS down (a closed port on this machine) a completion is stored, the learner is
//! told in one line that it will be sent later, and `status` counts it as waiting; with the
//! LRS up (Ralph, started by `bash .ci/lrs run …`), the next start sends it in the background
//! while the learner is on the home screen, and it can be read back with the reading
//! credential.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use bevidst::app::delivery;
use bevidst::config::{self, Config, Learner};
use bevidst::lrs::{Client, Credentials, Endpoint, Timeouts};

use super::common::{Dirs, Session, onboarding_only, text};
use super::test_lrs::{TestLrs, slot};

/// The slot of the test LRS (`.ci/lrs`: a writer and a reader with a store of their own) that
/// these tests use; `tests/support/lrs.rs` lists every test's slot.
const SLOT: u32 = 6;

/// A port on this machine that nothing listens on: connecting is refused at once.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A learner who answered the first-start questions, with `lrs` configured and a credentials
/// file only they can read, in the default place.
fn set_up(dirs: &Dirs, lrs: &str, credentials: &str) {
    let config = Config {
        learner: Some(Learner {
            employee_id: "ab12".into(),
            forvaltning: "Økonomiforvaltningen".into(),
            start_date: jiff::civil::date(2025, 11, 20),
            role: bevidst::course::Role::Employee,
        }),
        lrs: Some(lrs.to_owned()),
        ..Config::default()
    };
    config::save(&dirs.config(), &config).expect("save the configuration");
    let file = dirs.config().join(config::LRS_CREDENTIALS_FILE);
    std::fs::write(&file, format!("{credentials}\n")).expect("write the credentials");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
}

/// Takes the onboarding module's quiz from the home screen, hands it in, and quits.
fn complete_the_module(dirs: &Dirs, courses: &Path) -> Output {
    let mut input = String::from("t\n");
    input.push_str(&"1\n".repeat(10));
    input.push_str("aflever\nj\nq\n");
    let out = dirs.run(
        &[
            "--plain",
            "--courses",
            courses.to_str().expect("UTF-8 path"),
        ],
        &input,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The records of the learner's log.
fn records(dirs: &Dirs) -> Vec<bevidst::record::CompletionRecord> {
    bevidst::plain::status::read_records(&dirs.log())
        .expect("the log reads")
        .0
}

/// With the LRS down, a completion is stored and the learner told so in one line; returns the
/// stored record.
fn completion_with_the_lrs_down(dirs: &Dirs) -> bevidst::record::CompletionRecord {
    let courses = onboarding_only(dirs.dir.path());
    let down = format!("http://127.0.0.1:{}/xAPI", closed_port());
    set_up(dirs, &down, "writer:secret");
    let out = complete_the_module(dirs, &courses);
    let stdout = norm(&text(&out.stdout));
    let receipt = stdout
        .find("Din kvittering: ")
        .expect("the record is stored, with its receipt");
    let said = format!(
        "Dine resultater er gemt på din computer, men kunne ikke sendes til \
         læringsdatabasen (LRS) lige nu: {down} kan ikke nås. De bliver sendt senere, uden at \
         du skal gøre noget."
    );
    let notice = stdout.find(&said).expect("the learner is told");
    assert!(notice > receipt, "beside the receipt: {stdout}");
    assert_eq!(stdout.matches(&said).count(), 1, "said once: {stdout}");
    assert!(!stdout.contains("secret"), "never the password");
    let stored = records(dirs);
    assert_eq!(stored.len(), 1);
    // `status` says the result is waiting, on stderr, beside the lines of what is due.
    let status = dirs.run(
        &["status", "--courses", courses.to_str().expect("UTF-8 path")],
        "",
    );
    assert_eq!(
        text(&status.stderr),
        "1 resultat venter på at blive sendt til læringsdatabasen (LRS).\n"
    );
    stored.into_iter().next().expect("one record")
}

#[test]
fn with_the_lrs_down_a_completion_is_stored_and_the_learner_told_in_one_line() {
    let dirs = Dirs::new();
    completion_with_the_lrs_down(&dirs);
}

#[test]
fn a_misconfigured_lrs_is_one_line_at_start_and_the_learner_trains_on() {
    let dirs = Dirs::new();
    let courses = onboarding_only(dirs.dir.path());
    // Plain http to another machine would send the password in the clear.
    set_up(&dirs, "http://lrs.example.org/xAPI", "writer:secret");
    let out = complete_the_module(&dirs, &courses);
    let stdout = norm(&text(&out.stdout));
    let home = stdout
        .find("Dine resultater gemmes på din computer, men kan ikke sendes til læringsdatabasen (LRS): ")
        .expect("said on the home screen");
    let receipt = stdout
        .find("Din kvittering: ")
        .expect("stored all the same");
    assert!(home < receipt, "{stdout}");
    assert!(stdout.contains("Kontakt it-supporten"), "{stdout}");
    assert_eq!(records(&dirs).len(), 1);
    // Credentials others may read are refused the same way (Unix permissions).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        set_up(&dirs, "https://lrs.example.org/xAPI", "writer:secret");
        let file = dirs.config().join(config::LRS_CREDENTIALS_FILE);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let out = dirs.run(&["--plain"], "q\n");
        let stdout = norm(&text(&out.stdout));
        assert!(
            stdout.contains("men kan ikke sendes til læringsdatabasen (LRS): "),
            "{stdout}"
        );
        assert!(!stdout.contains("secret"), "never the password: {stdout}");
    }
}

#[test]
fn a_completion_made_with_the_lrs_down_is_sent_at_the_next_start() {
    let Some(TestLrs { url, password, .. }) = slot(SLOT) else {
        return;
    };
    let dirs = Dirs::new();
    let record = completion_with_the_lrs_down(&dirs);
    // The LRS is up now: the next start sends what waits, in the background.
    set_up(&dirs, &url, &format!("writer-{SLOT}:{password}"));
    let mut session = Session::start(&dirs, &["--plain"]);
    let home = session.screen();
    let config = config::load(&dirs.config()).expect("the configuration");
    let deadline = Instant::now() + Duration::from_secs(30);
    while delivery::awaiting(&config, &dirs.data(), &records(&dirs)) != Some(0) {
        assert!(Instant::now() < deadline, "not sent within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    session.answer("q");
    let (code, transcript) = session.finish();
    assert_eq!(code, 0, "{transcript}");
    assert!(!home.contains("læringsdatabasen"), "nothing to say: {home}");
    let status = dirs.run(&["status"], "");
    assert_eq!(text(&status.stderr), "", "nothing waits");

    // The reading credential finds the completion's statement, carrying the record.
    let reader = Client::new(
        Endpoint::parse(&url).expect("the test LRS's address"),
        Credentials::new(format!("reader-{SLOT}"), password),
        Timeouts::OFFICER,
    );
    let id = bevidst::lrs::vocab::statement_id(&record.hash);
    let mut found = Vec::new();
    reader
        .get_statements(None, |page| {
            found.extend(
                page.into_iter()
                    .filter(|s| s.get("id").and_then(|v| v.as_str()) == Some(id.as_str())),
            );
        })
        .expect("the reader reads");
    assert_eq!(found.len(), 1, "the attempt statement, once");
    let carried = bevidst::lrs::carried_record(&found[0]).expect("it carries the record");
    let log = std::fs::read_to_string(dirs.log()).expect("the log reads");
    let line = log
        .lines()
        .nth(1)
        .expect("the record's line after the header");
    assert_eq!(carried.line, line, "the very line of the log");
}
