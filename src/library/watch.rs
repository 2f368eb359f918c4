//! Watching a library folder, so the Library pane and the brief's notices follow what
//! other officers save. The watcher raises a flag; the window looks at it each frame and
//! opens the library again (through its index, so only changed files are read).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{RecursiveMode, Watcher};

use super::folder::is_bookkeeping;

/// A watch on one folder; dropping it stops watching.
pub struct FolderWatch {
    _watcher: notify::RecommendedWatcher,
    changed: Arc<AtomicBool>,
}

impl FolderWatch {
    /// Starts watching `folder`. Some network shares give no events; then the window's
    /// Refresh is the way to see others' changes, and this returns the reason.
    pub fn start(folder: &Path) -> Result<FolderWatch, String> {
        let changed = Arc::new(AtomicBool::new(false));
        let flag = changed.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                // Our own index, locks and temporaries change on every open and save.
                let matters = event.paths.iter().any(|path| {
                    path.file_name()
                        .is_some_and(|name| !is_bookkeeping(&name.to_string_lossy()))
                });
                if matters && !event.kind.is_access() {
                    flag.store(true, Ordering::Release);
                }
            })
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        watcher
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        Ok(FolderWatch {
            _watcher: watcher,
            changed,
        })
    }

    /// Whether the folder changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}
