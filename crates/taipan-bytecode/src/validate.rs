//! Structural checks on a code object before anything trusts it: what CPython's
//! `_PyCode_Validate` checks on construction (counts consistent with the local kinds), plus what
//! an interpreter indexing without bounds checks relies on — every opcode real, caches inside
//! `co_code`, opargs inside `co_consts` / `co_names` / the fast locals, jump and handler targets
//! on instruction boundaries.

use crate::code::{CO_FAST_LOCAL, CO_VARARGS, CO_VARKEYWORDS, CodeObject};
use crate::exception_table;
use crate::opcode::{self, cache_entries, deopt};
use crate::opcodes::*;

/// Why a code object is unsound; `offset` is the byte offset of the instruction concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub offset: Option<usize>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{} (at offset {o})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn fail<T>(message: impl Into<String>, offset: Option<usize>) -> Result<T, Invalid> {
    Err(Invalid { message: message.into(), offset })
}

/// Checks `code` (not the code objects among its constants; see [`validate_all`]).
pub fn validate(code: &CodeObject) -> Result<(), Invalid> {
    if code.localspluskinds.len() != code.localsplusnames.len() {
        return fail("co_localspluskinds and co_localsplusnames differ in length", None);
    }
    if code.posonlyargcount > code.argcount {
        return fail("co_posonlyargcount exceeds co_argcount", None);
    }
    let nlocals = code.localspluskinds.iter().filter(|k| *k & CO_FAST_LOCAL != 0).count() as u64;
    let nargs = code.argcount as u64
        + code.kwonlyargcount as u64
        + (code.flags & CO_VARARGS != 0) as u64
        + (code.flags & CO_VARKEYWORDS != 0) as u64;
    if nargs > nlocals {
        return fail("code: co_varnames is too small", None);
    }
    let n = code.code.len();
    // Instruction starts, to check jump targets against.
    let mut starts = vec![false; n + 1];
    let mut i = 0;
    while i < n {
        starts[i] = true;
        let op = code.code[i].op;
        if opcode::name(op as u16).is_none() {
            return fail(format!("unknown opcode {op}"), Some(2 * i));
        }
        i += 1 + cache_entries(deopt(op));
        if i > n {
            return fail("inline cache runs past the end of co_code", Some(2 * i));
        }
    }
    let nlocalsplus = code.localsplusnames.len() as i128;
    for ins in crate::dis::unpack_opargs(&code.code) {
        let Some(arg) = ins.arg else { continue };
        let d = deopt(ins.op);
        let d16 = d as u16;
        let at = Some(ins.offset);
        if let Some(t) = crate::dis::jump_target(ins.op, arg, ins.offset) {
            if t < 0 || t % 2 != 0 || t as usize / 2 >= n || !starts[t as usize / 2] {
                return fail(format!("jump to {t} is not an instruction"), at);
            }
        }
        let within = |index: i128, len: usize| index >= 0 && index < len as i128;
        if opcode::has_const(d16) && !within(arg, code.consts.len()) {
            return fail(format!("constant index {arg} out of range"), at);
        }
        if opcode::has_name(d16) {
            let index = match d {
                LOAD_GLOBAL | LOAD_ATTR => arg >> 1,
                LOAD_SUPER_ATTR => arg >> 2,
                _ => arg,
            };
            if !within(index, code.names.len()) {
                return fail(format!("name index {index} out of range"), at);
            }
        }
        let pair = matches!(
            d,
            LOAD_FAST_LOAD_FAST
                | LOAD_FAST_BORROW_LOAD_FAST_BORROW
                | STORE_FAST_LOAD_FAST
                | STORE_FAST_STORE_FAST
        );
        if pair {
            if !(within(arg >> 4, nlocalsplus as usize) && within(arg & 15, nlocalsplus as usize)) {
                return fail(
                    format!("local indexes {} and {} out of range", arg >> 4, arg & 15),
                    at,
                );
            }
        } else if (opcode::has_local(d16) || opcode::has_free(d16))
            && !within(arg, nlocalsplus as usize)
        {
            return fail(format!("local index {arg} out of range"), at);
        }
        if d == COPY_FREE_VARS && arg > nlocalsplus {
            return fail("COPY_FREE_VARS copies more than the fast locals hold", at);
        }
    }
    for e in exception_table::decode(&code.exceptiontable) {
        let (s, end, t) = (e.start as usize, e.end as usize, e.target as usize);
        if s >= end || end > n || t >= n || !starts[s] || !starts[t] {
            return fail(
                format!(
                    "exception table entry {}..{} -> {} is out of place",
                    2 * s,
                    2 * end,
                    2 * t
                ),
                None,
            );
        }
    }
    Ok(())
}

/// [`validate`] on `code` and every code object nested in its constants.
pub fn validate_all(code: &CodeObject) -> Result<(), Invalid> {
    validate(code)?;
    code.nested_code().try_for_each(|c| validate_all(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::CodeUnit;
    use crate::constant::Const;

    fn module(units: &[(u8, u8)]) -> CodeObject {
        CodeObject {
            code: units.iter().map(|&(op, arg)| CodeUnit::new(op, arg)).collect(),
            consts: vec![Const::None],
            ..CodeObject::default()
        }
    }

    #[test]
    fn accepts_and_rejects() {
        assert!(validate(&module(&[(RESUME, 0), (LOAD_CONST, 0), (RETURN_VALUE, 0)])).is_ok());
        assert!(validate(&module(&[(LOAD_CONST, 1), (RETURN_VALUE, 0)])).is_err());
        assert!(validate(&module(&[(LOAD_FAST, 0), (RETURN_VALUE, 0)])).is_err());
        assert!(validate(&module(&[(JUMP_FORWARD, 5), (RETURN_VALUE, 0)])).is_err());
        assert!(validate(&module(&[(CALL, 0), (CACHE, 0)])).is_err(), "caches cut short");
        assert!(validate(&module(&[(230, 0)])).is_err(), "unknown opcode");
        let mut c = module(&[(NOP, 0), (LOAD_CONST, 0), (RETURN_VALUE, 0)]);
        c.exceptiontable = exception_table::encode(&[exception_table::Entry {
            start: 0,
            end: 1,
            target: 7,
            depth: 0,
            lasti: false,
        }]);
        assert!(validate(&c).is_err());
    }
}
