//! Organizations: which is part of which, as names, cues and the gazetteer state it.

pub(super) mod assigned_to;
pub(super) mod component_as;
pub(super) mod component_cue;
pub(super) mod known_parent;
pub(super) mod name_built_on_parent;
pub(super) mod nested_name;
pub(super) mod possessive_parent;

mod pairs;

pub(super) use pairs::nests;
