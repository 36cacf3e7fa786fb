//! What the release's header states: the byline's author serves in the publishing office,
//! and the office belongs to the organization its line names.

pub(super) mod byline_office;
pub(super) mod office_line_parent;
pub(super) mod office_of_organization;

use super::context::Ctx;
use std::ops::Range;

/// The publishing office and the evidence of its line.
pub(super) fn office(c: &Ctx<'_, '_>) -> Option<(usize, Range<usize>)> {
    let office = c.metadata.publisher.map(|p| c.ents.resolve(p))?;
    Some((office, c.release.publisher_span.clone().unwrap_or(0..0)))
}
