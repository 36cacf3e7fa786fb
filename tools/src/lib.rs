//! Tools around spacekg that are not part of the product. `fuzz` drives the readers, the
//! date reader and the extractor with random and mutated releases (`spacekg-fuzz`).

pub mod fuzz;
