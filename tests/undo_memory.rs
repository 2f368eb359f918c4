//! Undo keeps reversible edits, not copies of the project: the memory that 1,000 separate
//! edits hold on the 200-page brief is measured with a counting allocator.
#![cfg(feature = "gui")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

mod support;

use briefwright::app::{AppState, Command, NoDialogs, Settings};
use briefwright::model::Edit;

/// Counts the bytes currently allocated.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed straight to the system allocator; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// As many extra items as make the benchmarks' 200-page brief.
const TWO_HUNDRED_PAGES: usize = 1910;

#[test]
fn a_thousand_edits_on_a_200_page_brief_hold_little_memory() {
    let project = briefwright::sample::long_project(TWO_HUNDRED_PAGES);
    let paragraphs = support::paragraphs(&project);
    let start = LIVE.load(Ordering::Relaxed);
    let copy = project.clone();
    let one_copy = LIVE.load(Ordering::Relaxed) - start;
    drop(copy);
    eprintln!(
        "one copy of the 200-page project is {:.2} MB, which undo used to keep per step",
        one_copy as f64 / 1e6
    );
    let mut state = AppState::new(
        project,
        None,
        Settings::default(),
        Box::new(NoDialogs::default()),
    );
    let before = LIVE.load(Ordering::Relaxed);
    for i in 0..1000 {
        let block = paragraphs[i % paragraphs.len()];
        // Selecting another block ends a typing burst, so every edit is its own step.
        state.run(Command::Select(Some(block)));
        state.run(Command::Edit(Edit::SetBlockText {
            block,
            text: format!("Edited paragraph number {i}."),
        }));
    }
    let held = LIVE.load(Ordering::Relaxed) - before;
    eprintln!(
        "1,000 undo steps on the 200-page brief hold {:.2} MB ({} bytes by the history's own count)",
        held as f64 / 1e6,
        state.undo_bytes()
    );
    assert!(state.can_undo());
    assert!(
        held < 4_000_000,
        "1,000 edits hold {held} bytes; undo must not copy the project per step"
    );
}
