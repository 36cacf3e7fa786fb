//! The integration tests: the real `spacekg` binary (and, for the views' timing hook, the
//! library) on the sample corpus and on inputs built for each test. One test binary, so that
//! the workspace links once; each module tests one area, and `util` holds what they share.
//! A test that needs an outside tool (Graphviz's `dot`, `script`) fails when it is missing.

mod bench;
mod cli;
mod crash;
mod eval;
mod ontology;
mod robustness;
mod tidy;
mod util;
mod views;
