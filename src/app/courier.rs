//! The courier: sends the learner's records to a Learning Record Store on a thread of its own,
//! so that no LRS, however slow, holds the learner up.
//!
//! - At start it is handed the log; whatever the outbox (`super::outbox`) does not name as
//!   acknowledged is sent in the background. The start does not wait for it: the home screen
//!   is drawn at once, and a failure reaches the learner as a note ([`Courier::news`], which
//!   `runtime::dispatch` asks after each message).
//! - After each completion the new record is handed over, and the runtime waits for the answer
//!   at most [`Courier::WAIT`], so the result screen can say in one line that the record will be
//!   sent later. Every hand-over retries everything still pending, so an LRS that comes back
//!   during a session gets the earlier records too.
//! - At the end of the program the courier is given [`Courier::QUIT_WAIT`] to finish what it
//!   is sending; what it does not finish is sent at the next start.
//!
//! The log is the source of truth; the courier only keeps the outbox, written after each
//! acknowledged batch, so being stopped at any moment costs at most a harmless re-send.

use std::fmt;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::outbox::Outbox;
use crate::canon::Digest32;
use crate::lang::Lang;
use crate::message::Bilingual;
use crate::record::CompletionRecord;

/// How records reach an LRS (in the program: the LRS client, `super::delivery`; in tests:
/// whatever a test needs).
pub trait Transport: Send + 'static {
    /// Sends the statements of `records` and says which the LRS acknowledged.
    fn send(&mut self, records: &[CompletionRecord]) -> Sent;
}

/// What an LRS made of a batch of records.
#[derive(Debug, Default)]
pub struct Sent {
    /// The hashes of the records the LRS now holds (accepted, or held already).
    pub acknowledged: Vec<Digest32>,
    /// Why the others are not, if there are others.
    pub failure: Option<Failure>,
}

/// Whether waiting helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The LRS could not be reached, did not answer in time, or failed: sent again later.
    Later,
    /// The configuration cannot work (an address or credentials IT must fix): sent once it is
    /// fixed.
    Setup,
}

/// Why records were not delivered. The reason is kept in both languages, as words: it comes
/// from another thread, and the learner may change language before reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Whether waiting helps.
    pub kind: FailureKind,
    /// Why, in Danish and in English (never the credentials).
    reason: [String; 2],
}

impl Failure {
    /// A failure that waiting may cure.
    pub fn later(reason: &impl Bilingual) -> Failure {
        Failure::new(FailureKind::Later, reason)
    }

    /// A failure of the configuration.
    pub fn setup(reason: &impl Bilingual) -> Failure {
        Failure::new(FailureKind::Setup, reason)
    }

    fn new(kind: FailureKind, reason: &impl Bilingual) -> Failure {
        Failure {
            kind,
            reason: [reason.text(Lang::Da), reason.text(Lang::En)],
        }
    }
}

/// The one line the learner reads: the results are saved, and what happens to them now.
impl Bilingual for Failure {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [da, en] = &self.reason;
        let why = match lang {
            Lang::Da => da,
            Lang::En => en,
        };
        match self.kind {
            FailureKind::Later => lang.write(
                out,
                format_args!(
                    "Dine resultater er gemt på din computer, men kunne ikke sendes til \
                     læringsdatabasen (LRS) lige nu: {why}. De bliver sendt senere, uden at du \
                     skal gøre noget."
                ),
                format_args!(
                    "Your results are saved on your computer, but could not be sent to the \
                     learning record store (LRS) just now: {why}. They will be sent later, \
                     without you having to do anything."
                ),
            ),
            FailureKind::Setup => lang.write(
                out,
                format_args!(
                    "Dine resultater gemmes på din computer, men kan ikke sendes til \
                     læringsdatabasen (LRS): {why}. Kontakt it-supporten. Når fejlen er \
                     rettet, bliver de sendt."
                ),
                format_args!(
                    "Your results are saved on your computer, but cannot be sent to the \
                     learning record store (LRS): {why}. Contact IT support. Once the fault is \
                     fixed, they will be sent."
                ),
            ),
        }
    }
}

crate::danish_display!(Failure);

/// No answer within [`Courier::WAIT`].
struct NoAnswer;

impl Bilingual for NoAnswer {
    fn write(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        lang.write(
            out,
            format_args!("den svarede ikke i tide"),
            format_args!("it did not answer in time"),
        )
    }
}

/// Records to add to what is pending, then send everything pending.
struct Job {
    id: u64,
    records: Vec<CompletionRecord>,
}

/// What became of a job: how many records were sent, or why not.
struct Report {
    job: u64,
    outcome: Result<usize, Failure>,
}

/// The sending thread, seen from the program.
pub struct Courier {
    jobs: Option<Sender<Job>>,
    reports: Receiver<Report>,
    /// Disconnects when the thread ends.
    finished: Receiver<()>,
    next_job: u64,
    /// Reports of jobs up to this one were answered already (or given up on).
    answered: u64,
}

impl Courier {
    /// How long the runtime waits for the answer after a completion.
    pub const WAIT: Duration = Duration::from_secs(3);
    /// How long the end of the program waits for a send in progress.
    pub const QUIT_WAIT: Duration = Duration::from_secs(3);
    /// Records per request.
    const BATCH: usize = 50;

    /// Starts the thread and hands it what of `log` the outbox has not seen acknowledged.
    pub fn start(transport: impl Transport, outbox: Outbox, log: &[CompletionRecord]) -> Courier {
        let (jobs, job_rx) = mpsc::channel();
        let (report_tx, reports) = mpsc::channel();
        let (finished_tx, finished) = mpsc::channel::<()>();
        let pending: Vec<CompletionRecord> = outbox.pending(log).into_iter().cloned().collect();
        std::thread::spawn(move || {
            let _finished = finished_tx;
            work(transport, outbox, &job_rx, &report_tx);
        });
        let mut courier = Courier {
            jobs: Some(jobs),
            reports,
            finished,
            next_job: 0,
            answered: 0,
        };
        if !pending.is_empty() {
            courier.hand_over(pending);
        }
        courier
    }

    fn hand_over(&mut self, records: Vec<CompletionRecord>) -> u64 {
        self.next_job += 1;
        let id = self.next_job;
        if let Some(jobs) = &self.jobs {
            // A thread that ended (it cannot, short of a panic) leaves the record pending in
            // the log, where the next start finds it.
            let _ = jobs.send(Job { id, records });
        }
        id
    }

    /// Hands over a new record and waits at most `wait` for the LRS to acknowledge it and
    /// everything pending before it.
    pub fn deliver(&mut self, record: CompletionRecord, wait: Duration) -> Result<(), Failure> {
        let id = self.hand_over(vec![record]);
        self.answered = id;
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.reports.recv_timeout(left) {
                // This job retried everything an earlier one failed to send.
                Ok(report) if report.job == id => return report.outcome.map(|_| ()),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    return Err(Failure::later(&NoAnswer));
                }
            }
        }
    }

    /// The failure of a send nobody waited for (the one at start), once, if there is one by
    /// now; never waits.
    pub fn news(&mut self) -> Option<Failure> {
        let mut news = None;
        while let Ok(report) = self.reports.try_recv() {
            if report.job > self.answered {
                news = report.outcome.err();
            }
        }
        news
    }
}

impl Drop for Courier {
    fn drop(&mut self) {
        // No more jobs: the thread ends when it has sent what it has. Waiting is bounded.
        self.jobs = None;
        let _ = self.finished.recv_timeout(Self::QUIT_WAIT);
    }
}

/// The thread: for each job, adds its records to the pending ones and sends them all, batch
/// by batch, noting each acknowledged batch in the outbox.
fn work(
    mut transport: impl Transport,
    mut outbox: Outbox,
    jobs: &Receiver<Job>,
    reports: &Sender<Report>,
) {
    let mut pending: Vec<CompletionRecord> = Vec::new();
    for job in jobs {
        pending.extend(job.records);
        pending.retain(|r| !outbox.is_acknowledged(&r.hash));
        let mut sent = 0;
        let mut outcome = Ok(());
        for batch in pending.chunks(Courier::BATCH) {
            let answer = transport.send(batch);
            sent += answer.acknowledged.len();
            // When the outbox cannot be saved, the batch is sent again after the next
            // start; the LRS keeps one copy.
            let _ = outbox.acknowledge(answer.acknowledged);
            if let Some(why) = answer.failure {
                outcome = Err(why);
                break;
            }
        }
        pending.retain(|r| !outbox.is_acknowledged(&r.hash));
        let _ = reports.send(Report {
            job: job.id,
            outcome: outcome.map(|()| sent),
        });
    }
}

#[cfg(test)]
mod tests;
