//! Initiatives and agreements: who sponsors, joins and signs them.

pub(super) mod appositive_of_sponsor;
pub(super) mod appositive_owner;
pub(super) mod bodies_in_compound_name;
pub(super) mod compound_sponsor;
pub(super) mod compound_sponsor_of_referred;
pub(super) mod led_by;
pub(super) mod members_among;
pub(super) mod members_work_on;
pub(super) mod membership_sentence;
pub(super) mod parties_between;
pub(super) mod possessive_sponsor;
pub(super) mod set_up;
pub(super) mod signing_sentence;

mod joining;
pub(super) mod referred;

use super::context::Ctx;
use crate::extract::mentions::Mention;
use crate::extract::EntityType;

/// The initiative or agreement mentioned at `mi`, if it is one.
fn programme_at<'v>(c: &Ctx<'_, '_>, ms: &'v [Mention], mi: usize) -> Option<&'v Mention> {
    ms.get(mi).filter(|m| {
        matches!(
            c.kind(m.entity),
            EntityType::Initiative | EntityType::Agreement
        )
    })
}
