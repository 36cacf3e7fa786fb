//! Persons: the posts they hold and the organizations and nations they serve, as printed
//! around their names, and changes of command.

pub(super) mod appositive_nation;
pub(super) mod appositive_post;
pub(super) mod assumed_command_of;
pub(super) mod assumed_command_of_the_release_organization;
pub(super) mod counterpart_of_nation;
pub(super) mod leads_nation_side;
pub(super) mod member_of_nation_side;
pub(super) mod name_of_organization;
pub(super) mod nation_after_name;
pub(super) mod nation_before_name;
pub(super) mod nation_in_post_before_name;
pub(super) mod nation_opens_title;
pub(super) mod on_behalf_of;
pub(super) mod organization_post_then_name;
pub(super) mod organization_role_name;
pub(super) mod post_before_name;
pub(super) mod post_names_its_organization;
pub(super) mod post_of_nation;
pub(super) mod post_of_referred_body;

pub(super) mod post_of_org_before_name;
pub(super) mod serves_in;
pub(super) mod succeeded_in_post;
pub(super) mod who_led;

mod appositive;
pub(super) use appositive::after_name;
mod command;
pub(super) mod posts;
