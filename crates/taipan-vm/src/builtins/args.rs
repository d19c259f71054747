//! Argument handling for native functions: positional values, keyword pairs, and CPython's
//! messages for wrong counts.

use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::str::Str;
use crate::types::tuple::tuple_items;

pub struct Args<'a> {
    pub pos: &'a [Object],
    pub kw: Vec<(String, &'a Object)>,
}

impl<'a> Args<'a> {
    #[inline]
    pub fn new(args: &'a [Object], kwnames: Option<ObjectRef<'a>>) -> Args<'a> {
        // The usual call passes no keywords: no name conversion, no vector.
        match kwnames.and_then(tuple_items) {
            None | Some([]) => Args { pos: args, kw: Vec::new() },
            Some(names) => Args::with_keywords(args, names),
        }
    }

    fn with_keywords(args: &'a [Object], names: &'a [Object]) -> Args<'a> {
        let (pos, vals) = args.split_at(args.len() - names.len());
        let kw = names
            .iter()
            .zip(vals)
            .map(|(n, v)| {
                (Str::new(n.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default(), v)
            })
            .collect();
        Args { pos, kw }
    }

    /// Takes keyword `name` out, if given.
    pub fn take_kw(&mut self, name: &str) -> Option<&'a Object> {
        let i = self.kw.iter().position(|(n, _)| n == name)?;
        Some(self.kw.remove(i).1)
    }

    /// Errors if keywords remain (`f() got an unexpected keyword argument 'x'`), or if there are
    /// keywords at all for a function taking none.
    pub fn no_kw(&self, fname: &str) -> PyResult<()> {
        match self.kw.first() {
            None => Ok(()),
            Some((n, _)) => Err(PyErr::type_error(format!(
                "{fname}() got an unexpected keyword argument '{n}'"
            ))),
        }
    }

    pub fn no_kw_at_all(&self, fname: &str) -> PyResult<()> {
        if self.kw.is_empty() {
            Ok(())
        } else {
            Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")))
        }
    }

    /// For a method `owner.name` without keyword parameters: no keywords, and `min..=max`
    /// positionals. The qualified name is only formatted when there is an error to report.
    pub fn check_method(&self, owner: &str, name: &str, min: usize, max: usize) -> PyResult<()> {
        if self.kw.is_empty() && (min..=max).contains(&self.pos.len()) {
            return Ok(());
        }
        let fname = format!("{owner}.{name}");
        self.no_kw_at_all(&fname)?;
        self.count(&fname, min, max)
    }

    /// Checks the positional count against `min..=max`, with CPython's wording.
    pub fn count(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        Err(PyErr::type_error(if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        }))
    }

    /// Binds the arguments to the parameters `names` as CPython's argument clinic does for
    /// `fname(...)`: at most `names.len()` positionals, no keyword repeating a positional, no
    /// unknown keyword, and the first `required` parameters given. Take keyword-only arguments
    /// out with `take_kw` before.
    pub fn bind(
        mut self,
        fname: &str,
        names: &[&str],
        required: usize,
    ) -> PyResult<Vec<Option<&'a Object>>> {
        if self.pos.len() > names.len() {
            return Err(PyErr::type_error(format!(
                "{fname}() takes at most {} argument{} ({} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                self.pos.len() + self.kw.len()
            )));
        }
        let mut out: Vec<Option<&'a Object>> = vec![None; names.len()];
        for (slot, v) in out.iter_mut().zip(self.pos) {
            *slot = Some(v);
        }
        for (i, n) in names.iter().enumerate() {
            if let Some(v) = self.take_kw(n) {
                if out[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {fname}() given by name ('{n}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
        }
        self.no_kw(fname)?;
        for (i, n) in names.iter().enumerate().take(required) {
            if out[i].is_none() {
                return Err(PyErr::type_error(format!(
                    "{fname}() missing required argument '{n}' (pos {})",
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}

/// A method's receiver and the rest of its arguments: `s` when the method was bound, else the
/// first argument (a call through the type, `code.replace(c)`), with CPython's message when
/// there is none.
pub fn split_self<'a>(
    s: Option<ObjectRef<'a>>,
    args: &'a [Object],
    owner: &str,
    name: &str,
) -> PyResult<(ObjectRef<'a>, &'a [Object])> {
    match s {
        Some(o) => Ok((o, args)),
        None => match args.split_first() {
            Some((o, rest)) => Ok((o.as_ref(), rest)),
            None => {
                Err(PyErr::type_error(format!("unbound method {owner}.{name}() needs an argument")))
            }
        },
    }
}
