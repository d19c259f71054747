//! Native modules written against the VM's object API, one file per module (as CPython's
//! `Modules/*.c`): what the pure-Python standard library imports from C.
//!
//! - [`itertools`]: the iterator building blocks.

pub mod itertools;
