//! Partnerships between nations and between organizations.

pub(super) mod bilateral_signatories;
pub(super) mod compound_name;
pub(super) mod partner_with;
pub(super) mod partnership_sentence;
