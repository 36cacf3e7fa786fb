//! What a long command (`ingest`, `reextract`, `bench`) shows while it works: on a terminal, a
//! progress bar with counts, rate and time left; when standard error is not a terminal
//! (logs, CI), nothing. With `SPACEKG_TRACE=1` every event is written to standard error as a
//! line `spacekg-trace: EVENT ARGS`, which tests follow to act at a chosen moment.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use spacekg::ingest::control::Event;
use std::io::IsTerminal;

pub struct Display {
    bar: Option<ProgressBar>,
    trace: bool,
}

impl Display {
    /// A display counting `unit` (files, documents).
    pub fn new(unit: &str) -> Self {
        let trace = std::env::var_os("SPACEKG_TRACE").is_some_and(|v| !v.is_empty() && v != "0");
        let bar = (!trace && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let template =
                format!("{{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit} · {{per_sec}} · {{eta}} left");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Display { bar, trace }
    }

    /// Follows one event.
    pub fn event(&self, e: &Event) {
        if self.trace {
            let line = match e {
                Event::Planned { total } => format!("planned {total}"),
                Event::Read { index } => format!("read {index}"),
                Event::Extracted { index } => format!("extracted {index}"),
                Event::Progress { done, stored } => format!("progress {done} {stored}"),
                Event::BatchSent { documents, quads } => format!("batch {documents} {quads}"),
                Event::CommitStarted { documents } => format!("commit-start {documents}"),
                Event::Committed { documents } => format!("commit-done {documents}"),
                Event::Stopping => "stopping".to_string(),
            };
            eprintln!("spacekg-trace: {line}");
        }
        let Some(bar) = &self.bar else {
            return;
        };
        match e {
            Event::Planned { total } => {
                bar.reset();
                bar.set_length(*total as u64);
                bar.set_message("0 stored");
            }
            Event::Progress { done, stored } => {
                bar.set_position(*done as u64);
                bar.set_message(format!("{stored} stored"));
            }
            Event::CommitStarted { documents } => {
                bar.set_message(format!("storing {documents} documents"));
            }
            Event::Stopping => bar.set_message("stopping"),
            _ => {}
        }
    }

    /// A line of its own (above the bar on a terminal).
    pub fn note(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
