//! Countries: the nations organizations, persons and places belong to.

pub(super) mod appositive_nation_of_body;
pub(super) mod body_of_nation;
pub(super) mod dateline_nation;
pub(super) mod nation_in_organization_name;
pub(super) mod nation_of_parent_body;
pub(super) mod nation_possessive_body;
pub(super) mod place_comma_nation;
pub(super) mod serves_nation_of_organization;
pub(super) mod state_body_of_named_nation;
pub(super) mod state_post_of_publisher;

mod nations;
