//! Ending with the session: a window the desktop ends at logout (SIGTERM) or whose
//! terminal closes (SIGHUP) writes a recovery copy of unsaved work, releases its lock and
//! closes, instead of dying with the lock left behind and only the last autosave kept.
//!
//! The handler only sets a flag, the one thing a signal handler may safely do; a small
//! thread notices it and wakes the window, which then shuts down between frames.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Whether SIGTERM or SIGHUP has arrived.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

#[cfg(unix)]
extern "C" fn on_signal(_: libc::c_int) {
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Takes SIGTERM and SIGHUP from their default (ending the process at once).
#[cfg(unix)]
pub fn install() {
    let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe, and
        // it lives for the whole program.
        unsafe {
            libc::signal(signal, handler);
        }
    }
}

/// Nothing to take on systems without these signals.
#[cfg(not(unix))]
pub fn install() {}

/// Wakes the window when a signal arrives, so that it shuts down even while idle.
pub fn wake_on_request(ctx: egui::Context) {
    std::thread::spawn(move || {
        while !requested() {
            std::thread::sleep(Duration::from_millis(200));
        }
        ctx.request_repaint();
    });
}
