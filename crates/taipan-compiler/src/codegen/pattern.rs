//! Structural pattern matching (`match`), after the `codegen_pattern_*` functions of CPython's
//! codegen: each pattern consumes its subject and jumps to a "fail pop" block on mismatch;
//! captured names are stored only once the whole pattern matched.

use super::*;

impl<'a> Compiler<'a> {
    pub fn codegen_match(&mut self, s: &'a Stmt) -> CompileResult<()> {
        Err(self.error("match statements are not compiled yet", loc_s(s)))
    }
}
