//! AST → symbol table → instructions → CFG passes → assembled code object.
//! (Grows with the compiler issue.)
