//! Running the journey: performing the effects `update` asks for (the clock, randomness,
//! writing the configuration and records) and feeding their outcome back as messages.
//! Both the terminal UI and the plain mode call [`dispatch`] for every message, so the
//! journey behaves the same in both. Tests pass their own [`Services`] with a fixed clock,
//! a seeded random source and temporary folders.
//!
//! The services report typed errors ([`ConfigError`], [`RecordError`]); they become words in
//! the learner's language only here, where the outcome goes back into the journey as a
//! message.

use std::cell::Cell;
use std::path::PathBuf;

use jiff::Timestamp;
use rand::Rng;

use super::courier::Failure;
use super::{Effect, Message, Model, update};
use crate::attempt::FinishedAttempt;
use crate::config::{self, Config, ConfigError};
use crate::lang::Lang;
use crate::message::Bilingual as _;
use crate::record::RecordError;

/// A record that was stored.
#[derive(Debug)]
pub struct Stored {
    /// The completion receipt (grouped hex of the record's hash).
    pub receipt: String,
    /// Why the copy to the collection folder failed, if it did.
    pub copy_problem: Option<RecordError>,
    /// Why the record is not in the Learning Record Store yet, if one is configured and it
    /// did not acknowledge the record in time.
    pub send_problem: Option<Failure>,
}

/// Where finished attempts are stored: the learner's log.
pub trait RecordStore {
    /// Appends the record of `attempt` and makes it durable before returning; then copies
    /// the log to the collection folder if one is configured.
    fn append(&mut self, attempt: &FinishedAttempt) -> Result<Stored, RecordError>;

    /// Why records sent in the background (at start) did not reach the Learning Record Store,
    /// once, if that is known by now; never waits. None for a store that sends nothing.
    fn news(&mut self) -> Option<Failure> {
        None
    }
}

/// What the journey needs from the world.
pub trait Services {
    /// The random source type.
    type Rng: Rng;
    /// The current time.
    fn now(&self) -> Timestamp;
    /// The random source for drawing questions and shuffling choices.
    fn rng(&mut self) -> &mut Self::Rng;
    /// Writes the configuration.
    fn save_config(&mut self, config: &Config) -> Result<(), ConfigError>;
    /// Stores a finished attempt.
    fn save_record(&mut self, attempt: &FinishedAttempt) -> Result<Stored, RecordError>;
    /// What the learner should know of work done in the background since the last message,
    /// in `lang`; never waits.
    fn news(&mut self, lang: Lang) -> Option<String> {
        let _ = lang;
        None
    }
}

/// Whether the program goes on after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// The learner asked to quit.
    Quit,
}

/// Applies `msg` and every effect it leads to, until the model is settled.
pub fn dispatch(model: &mut Model, msg: Message, services: &mut impl Services) -> Flow {
    let mut next = Some(msg);
    // Background news goes in first, as a message of its own: the screen this message
    // leads to shows it.
    if let Some(news) = services.news(model.lang()) {
        update(model, Message::Background(news));
    }
    while let Some(msg) = next.take() {
        match update(model, msg) {
            None => {}
            Some(Effect::Quit) => return Flow::Quit,
            Some(effect) => next = perform(model, effect, services),
        }
    }
    Flow::Continue
}

/// Performs one effect and returns the message that reports its outcome.
pub fn perform(model: &Model, effect: Effect, services: &mut impl Services) -> Option<Message> {
    match effect {
        Effect::Quit => None,
        Effect::SaveConfig(config) => Some(match services.save_config(&config) {
            Ok(()) => Message::ConfigSaved,
            Err(why) => Message::ConfigFailed(why.text(model.lang())),
        }),
        Effect::DrawAttempt { module } => {
            let loaded = model.courses.get(&module)?;
            // Every draw leans on what the learner got wrong before (with no history it is
            // an even draw); the journey's only source of randomness is the services'.
            let attempt =
                crate::quiz::draw_adaptive(&loaded.module, &model.knowledge(), services.rng());
            Some(Message::AttemptReady {
                attempt,
                started: services.now(),
            })
        }
        Effect::SaveRecord(mut attempt) => {
            attempt.finish_at(u64::try_from(services.now().as_second()).unwrap_or(0));
            let lang = model.lang();
            Some(match services.save_record(&attempt) {
                Ok(stored) => Message::RecordStored {
                    receipt: stored.receipt,
                    attempt: Box::new(attempt),
                    copy_problem: stored
                        .copy_problem
                        .map(|e| super::texts::copy_failed(lang, &e)),
                    send_problem: stored.send_problem.map(|e| e.text(lang)),
                },
                Err(why) => Message::RecordFailed(why.text(lang)),
            })
        }
    }
}

/// The services of the real program: the system clock, a random source, the configuration
/// folder and the learner's log.
pub struct Live<S, R> {
    /// The folder holding `config.ron`.
    pub config_dir: PathBuf,
    /// The learner's log.
    pub store: S,
    /// The random source.
    pub rng: R,
    /// A stepping clock instead of the system clock (tests); `None` in the program.
    pub test_clock: Option<SteppingClock>,
}

impl<S: RecordStore, R: Rng> Services for Live<S, R> {
    type Rng = R;

    fn now(&self) -> Timestamp {
        self.test_clock
            .as_ref()
            .map_or_else(Timestamp::now, SteppingClock::read)
    }

    fn rng(&mut self) -> &mut R {
        &mut self.rng
    }

    fn save_config(&mut self, config: &Config) -> Result<(), ConfigError> {
        config::save(&self.config_dir, config)
    }

    fn save_record(&mut self, attempt: &FinishedAttempt) -> Result<Stored, RecordError> {
        self.store.append(attempt)
    }

    fn news(&mut self, lang: Lang) -> Option<String> {
        self.store.news().map(|failure| failure.text(lang))
    }
}

/// A clock for tests, screen samples and benchmarks: it starts at a given time and moves
/// [`SteppingClock::STEP`] each time it is read, so a quiz takes as long as a person would need
/// (the verdict's reading-time rule, `crate::verdict`) without anyone waiting.
#[derive(Debug, Clone)]
pub struct SteppingClock {
    next: Cell<i64>,
}

impl SteppingClock {
    /// Five minutes: more than any bundled module's quiz needs to be read.
    pub const STEP: i64 = 300;

    /// A clock whose first reading is `start`.
    pub fn starting_at(start: Timestamp) -> Self {
        SteppingClock {
            next: Cell::new(start.as_second()),
        }
    }

    /// The time now; the next reading is a step later.
    pub fn read(&self) -> Timestamp {
        let t = self.next.get();
        self.next.set(t.saturating_add(Self::STEP));
        Timestamp::from_second(t).unwrap_or(Timestamp::MAX)
    }
}

/// Services that store nothing, with a stepping clock and a given random source: for screen
/// samples and benchmarks, where saving would only measure the disk.
pub struct Offline<R> {
    /// The clock.
    pub clock: SteppingClock,
    /// The random source.
    pub rng: R,
    /// The receipt every "stored" record gets.
    pub receipt: String,
}

impl<R: Rng> Services for Offline<R> {
    type Rng = R;

    fn now(&self) -> Timestamp {
        self.clock.read()
    }

    fn rng(&mut self) -> &mut R {
        &mut self.rng
    }

    fn save_config(&mut self, _: &Config) -> Result<(), ConfigError> {
        Ok(())
    }

    fn save_record(&mut self, _: &FinishedAttempt) -> Result<Stored, RecordError> {
        Ok(Stored {
            receipt: self.receipt.clone(),
            copy_problem: None,
            send_problem: None,
        })
    }
}
