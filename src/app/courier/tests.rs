//! The courier with a transport that answers as each test needs: acknowledgements reach the
//! outbox, a failure is one line and a later retry, a slow LRS never holds the learner up.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::*;
use crate::app::outbox::tests::log;
use crate::canon::Digest32;
use crate::message::Bi;

const LRS: &str = "http://127.0.0.1:8100/xAPI/statements";

/// What the test LRS does with a request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Accept,
    Offline,
    Slow(Duration),
}

/// A transport whose answer a test sets, and which notes what it was sent.
#[derive(Clone)]
struct TestLrs {
    answer: Arc<Mutex<Answer>>,
    held: Arc<Mutex<Vec<Digest32>>>,
}

impl TestLrs {
    fn new(answer: Answer) -> TestLrs {
        TestLrs {
            answer: Arc::new(Mutex::new(answer)),
            held: Arc::new(Mutex::new(Vec::new())),
        }
    }
    fn set(&self, answer: Answer) {
        *self.answer.lock().expect("lock") = answer;
    }
    fn held(&self) -> Vec<Digest32> {
        self.held.lock().expect("lock").clone()
    }
}

impl Transport for TestLrs {
    fn send(&mut self, records: &[CompletionRecord]) -> Sent {
        let answer = *self.answer.lock().expect("lock");
        match answer {
            Answer::Offline => {
                return Sent {
                    acknowledged: Vec::new(),
                    failure: Some(Failure::later(&Bi::new(
                        "forbindelsen blev afvist",
                        "the connection was refused",
                    ))),
                };
            }
            Answer::Slow(d) => std::thread::sleep(d),
            Answer::Accept => {}
        }
        let hashes = hashes(records);
        self.held.lock().expect("lock").extend(&hashes);
        Sent {
            acknowledged: hashes,
            failure: None,
        }
    }
}

fn hashes(records: &[CompletionRecord]) -> Vec<Digest32> {
    records.iter().map(|r| r.hash).collect()
}

#[test]
fn what_the_lrs_acknowledges_is_in_the_outbox_and_not_sent_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = log(dir.path(), 3);
    let lrs = TestLrs::new(Answer::Accept);
    let mut courier = Courier::start(lrs.clone(), Outbox::load(dir.path(), LRS), &records[..2]);
    courier
        .deliver(records[2].clone(), Courier::WAIT)
        .expect("acknowledged");
    assert_eq!(lrs.held(), hashes(&records));
    assert!(courier.news().is_none());
    drop(courier);
    assert!(Outbox::load(dir.path(), LRS).pending(&records).is_empty());
    // The next start sends nothing.
    let again = TestLrs::new(Answer::Accept);
    drop(Courier::start(
        again.clone(),
        Outbox::load(dir.path(), LRS),
        &records,
    ));
    assert!(again.held().is_empty());
}

#[test]
fn an_offline_lrs_is_one_line_and_everything_is_retried_with_the_next_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = log(dir.path(), 3);
    let lrs = TestLrs::new(Answer::Offline);
    let mut courier = Courier::start(lrs.clone(), Outbox::load(dir.path(), LRS), &records[..1]);
    let failed = courier
        .deliver(records[1].clone(), Courier::WAIT)
        .expect_err("offline");
    assert_eq!(failed.kind, FailureKind::Later);
    let line = failed.text(Lang::Da);
    assert_eq!(
        line,
        "Dine resultater er gemt på din computer, men kunne ikke sendes til læringsdatabasen \
         (LRS) lige nu: forbindelsen blev afvist. De bliver sendt senere, uden at du skal gøre \
         noget."
    );
    assert!(!line.contains('\n'));
    assert!(
        courier.news().is_none(),
        "the start's failure is not said twice"
    );
    // The LRS comes back: the next completion takes the earlier ones along, oldest first.
    lrs.set(Answer::Accept);
    courier
        .deliver(records[2].clone(), Courier::WAIT)
        .expect("acknowledged");
    assert_eq!(lrs.held(), hashes(&records));
}

#[test]
fn a_failure_at_start_is_news_for_the_next_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = log(dir.path(), 2);
    let mut courier = Courier::start(
        TestLrs::new(Answer::Offline),
        Outbox::load(dir.path(), LRS),
        &records,
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let news = loop {
        if let Some(news) = courier.news() {
            break news;
        }
        assert!(Instant::now() < deadline, "the thread answers");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!(news.text(Lang::En).contains("the connection was refused"));
    assert!(courier.news().is_none(), "said once");
    assert_eq!(Outbox::load(dir.path(), LRS).pending(&records).len(), 2);
}

#[test]
fn a_slow_lrs_holds_no_one_up_and_what_it_then_acknowledges_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = log(dir.path(), 1);
    let lrs = TestLrs::new(Answer::Slow(Duration::from_millis(400)));
    let started = Instant::now();
    let mut courier = Courier::start(lrs.clone(), Outbox::load(dir.path(), LRS), &[]);
    let failed = courier
        .deliver(records[0].clone(), Duration::from_millis(50))
        .expect_err("no answer in time");
    assert!(
        started.elapsed() < Duration::from_millis(350),
        "{:?}",
        started.elapsed()
    );
    assert!(failed.text(Lang::En).contains("did not answer in time"));
    // The end of the program gives the send in progress its time, then it is acknowledged.
    drop(courier);
    assert_eq!(lrs.held(), [records[0].hash]);
    assert!(Outbox::load(dir.path(), LRS).pending(&records).is_empty());
}

#[test]
fn the_end_of_the_program_waits_for_a_hung_lrs_only_so_long() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = log(dir.path(), 1);
    let lrs = TestLrs::new(Answer::Slow(Courier::QUIT_WAIT * 3));
    let courier = Courier::start(lrs, Outbox::load(dir.path(), LRS), &records);
    let started = Instant::now();
    drop(courier);
    let waited = started.elapsed();
    assert!(waited < Courier::QUIT_WAIT * 2, "{waited:?}");
    assert_eq!(
        Outbox::load(dir.path(), LRS).pending(&records).len(),
        1,
        "sent at the next start"
    );
}
