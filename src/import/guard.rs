//! One import at a time under limits: on a thread of its own with a stack of known size,
//! given a time budget, with the panics of the parsers underneath caught without a word
//! on stderr.
//!
//! The parsers (docx-rs, dom_query, pdf-extract) are not ours. The importers refuse what
//! is known to break them before they see it (depth, loops, sizes); this is the backstop
//! for what is not known yet: a panic becomes a message, and an import that runs past its
//! budget is given up on. A thread cannot be stopped from outside, so a runaway parser
//! keeps its thread until it ends; the caller gets its answer on time all the same, and
//! the command line exits, which ends it.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::mpsc;
use std::time::Duration;

use super::ImportError;

/// Longest one article may take to import. An ordinary article takes milliseconds, a
/// 20-page PDF about 15 ms; anything near this is a hostile or broken file.
pub const IMPORT_TIME_BUDGET: Duration = Duration::from_secs(8);

/// Stack of the import thread. The parsers recurse on nesting; the importers keep nesting
/// far below what this holds (see `MAX_XML_DEPTH`, `MAX_HTML_DEPTH`, `MAX_FORM_DEPTH`).
const IMPORT_STACK_BYTES: usize = 64 * 1024 * 1024;

thread_local! {
    /// Set while a panic is expected and caught: the hook then prints nothing.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work` and catches its panic, printing nothing for it. Other threads' panics are
/// printed as before.
pub fn quietly<T>(work: impl FnOnce() -> T) -> std::thread::Result<T> {
    install_quiet_hook();
    let was = QUIET.with(|quiet| quiet.replace(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    QUIET.with(|quiet| quiet.set(was));
    result
}

/// Wraps the panic hook once so that a thread inside [`quietly`] panics silently.
fn install_quiet_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Imports with `work` on a thread of its own, within [`IMPORT_TIME_BUDGET`]. `name` is
/// the file as messages name it.
pub fn guarded<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> Result<T, ImportError> + Send + 'static,
) -> Result<T, ImportError> {
    guarded_for(name, IMPORT_TIME_BUDGET, work)
}

/// A job for an import thread.
type Job = Box<dyn FnOnce() + Send>;

/// An import thread waiting for work. Reused from import to import: a fresh thread per
/// import cost a third more on a 1 MB web page (23 ms to 35 ms), in a cold allocator
/// arena and stack.
struct Worker {
    jobs: mpsc::Sender<Job>,
}

impl Worker {
    fn start() -> std::io::Result<Worker> {
        let (jobs, waiting) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("briefwright-import".into())
            .stack_size(IMPORT_STACK_BYTES)
            .spawn(move || {
                for job in waiting {
                    job();
                }
            })?;
        Ok(Worker { jobs })
    }
}

/// The idle import thread, if there is one. An import that runs past its budget keeps
/// its thread, which is then not put back: the next import starts a new one.
static IDLE: std::sync::Mutex<Option<Worker>> = std::sync::Mutex::new(None);

/// [`guarded`] with a given budget (tests give a short one).
pub fn guarded_for<T: Send + 'static>(
    name: &str,
    budget: Duration,
    work: impl FnOnce() -> Result<T, ImportError> + Send + 'static,
) -> Result<T, ImportError> {
    let idle = IDLE.lock().ok().and_then(|mut idle| idle.take());
    let worker = match idle {
        Some(worker) => worker,
        None => match Worker::start() {
            Ok(worker) => worker,
            Err(cause) => {
                return Err(ImportError::Read {
                    path: name.to_owned(),
                    cause,
                });
            }
        },
    };
    let (sender, receiver) = mpsc::channel();
    let job: Job = Box::new(move || {
        // The receiver may be gone after a timeout; nobody is waiting then.
        let _ = sender.send(quietly(work));
    });
    if worker.jobs.send(job).is_err() {
        return Err(ImportError::Crashed {
            path: name.to_owned(),
        });
    }
    let answer = receiver.recv_timeout(budget);
    if answer.is_ok()
        && let Ok(mut idle) = IDLE.lock()
    {
        // Done on time: the thread is free for the next import.
        *idle = Some(worker);
    }
    match answer {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(ImportError::Crashed {
            path: name.to_owned(),
        }),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ImportError::TooSlow {
            path: name.to_owned(),
            seconds: budget.as_secs(),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(ImportError::Crashed {
            path: name.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_message_and_a_slow_import_is_given_up() {
        let crashed: Result<(), _> = guarded("boom.pdf", || panic!("parser assertion"));
        assert!(
            matches!(&crashed, Err(ImportError::Crashed { path }) if path == "boom.pdf"),
            "{crashed:?}"
        );
        let slow: Result<(), _> = guarded_for("slow.html", Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
            Err(ImportError::Empty {
                path: "slow.html".into(),
            })
        });
        let message = slow.expect_err("given up").to_string();
        assert!(
            message.contains("slow.html") && message.contains("took longer than"),
            "{message}"
        );
    }

    #[test]
    fn deep_recursion_fits_the_import_stack() {
        fn depth(n: u64) -> u64 {
            let pad = std::hint::black_box([0u8; 512]);
            if n == 0 {
                pad[0] as u64
            } else {
                depth(n - 1) + 1
            }
        }
        // 20,000 frames of over half a kilobyte: more than a default 2 MB thread holds.
        let result: Result<(), _> = guarded("deep", || {
            let levels = depth(20_000);
            Err(ImportError::Empty {
                path: levels.to_string(),
            })
        });
        assert!(
            matches!(&result, Err(ImportError::Empty { path }) if path == "20000"),
            "{result:?}"
        );
    }
}
