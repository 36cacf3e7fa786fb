//! Steering and watching a long command (`ingest`, `reextract`): a request to stop at the
//! next safe point (what Ctrl-C sets), and the events a progress display or a test follows.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A request to stop at the next safe point, shared between whoever asks (a signal handler,
/// a test) and the work that checks it. Clones share the same request.
#[derive(Debug, Clone, Default)]
pub struct StopFlag(Arc<AtomicBool>);

impl StopFlag {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the work to stop at its next safe point.
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub(crate) fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// What a long command is doing. Reading and extraction events come from the worker threads,
/// in any order; the others from the thread that writes the store, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The work ahead: files to read (ingest) or stored documents to re-extract.
    Planned { total: usize },
    /// File `index` (in input order) was read, and is about to be extracted.
    Read { index: usize },
    /// File `index` was extracted (or was found stored already).
    Extracted { index: usize },
    /// Items taken up in order so far, and documents stored so far by this run.
    Progress { done: usize, stored: usize },
    /// A batch of new documents was handed to the bulk write, which sorts it in the
    /// background.
    BatchSent { documents: usize, quads: usize },
    /// The bulk write's commit begins: these documents are stored when it ends.
    CommitStarted { documents: usize },
    /// The commit succeeded.
    Committed { documents: usize },
    /// A stop was requested: what was read is being stored, nothing more is read.
    Stopping,
}

/// Hears events; called from several threads.
pub type Observer<'a> = &'a (dyn Fn(&Event) + Sync);

/// Calls the observer, if there is one.
pub(crate) fn emit(observer: Option<Observer<'_>>, event: Event) {
    if let Some(o) = observer {
        o(&event);
    }
}
