//! Calls: binding arguments to a Python function's parameters (CPython's `initialize_locals`,
//! with its error messages) and pushing the callee's frame on the frame stack.

use taipan_bytecode::code::{CO_VARARGS, CO_VARKEYWORDS};

use crate::error::{PyErr, PyResult};
use crate::frame::{Frame, FrameStack};
use crate::object::{Object, ObjectRef};
use crate::types::code::as_code;
use crate::types::dict::{as_dict, new_dict};
use crate::types::pyfunction::as_function;
use crate::types::str::Str;
use crate::types::tuple::{new_tuple, tuple_items};

fn names_list(names: &[String]) -> String {
    match names {
        [a] => format!("'{a}'"),
        [a, b] => format!("'{a}' and '{b}'"),
        _ => {
            let mut s = String::new();
            for (i, n) in names.iter().enumerate() {
                if i + 1 == names.len() {
                    s.push_str(&format!("and '{n}'"));
                } else {
                    s.push_str(&format!("'{n}', "));
                }
            }
            s
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Pushes a frame that runs the Python function `func` with `self_` (if any) then `args` as
/// positional arguments; the last `len(kwnames)` items of `args` are keyword values.
pub(crate) fn push_function_frame(
    stack: &mut FrameStack,
    func: ObjectRef<'_>,
    self_: Option<Object>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    let f = as_function(func).expect("a Python function");
    let code = as_code(f.code.as_ref()).expect("code");
    let co = &code.code;
    let kwn: &[Object] = kwnames.and_then(tuple_items).unwrap_or(&[]);
    let (posargs, kwvals) = args.split_at(args.len() - kwn.len());
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = co.flags & CO_VARARGS != 0;
    let has_varkw = co.flags & CO_VARKEYWORDS != 0;
    let qualname = || crate::ops::str_string(f.qualname.borrow().as_ref()).unwrap_or_default();

    super::enter_frame()?;
    let base = stack.values.len();
    stack.values.resize_with(base + code.nlocalsplus, || None);
    let npos = posargs.len() + self_.is_some() as usize;
    // The common case: exactly the positional parameters, nothing else to bind.
    let simple = kwn.is_empty() && !has_varargs && !has_varkw && kwonly == 0 && npos == argcount;
    let result = (|| -> PyResult<()> {
        let locals = &mut stack.values[base..];
        if simple {
            let mut slots = locals.iter_mut();
            if let Some(s) = self_ {
                *slots.next().expect("slot") = Some(s);
            }
            for (slot, a) in slots.zip(posargs) {
                *slot = Some(a.clone());
            }
            return Ok(());
        }
        let mut positional = self_.into_iter().chain(posargs.iter().cloned());
        let n = npos.min(argcount);
        for slot in locals.iter_mut().take(n) {
            *slot = positional.next();
        }
        if has_varargs {
            locals[total] = Some(new_tuple(positional.collect()));
        }
        let kwdict = if has_varkw {
            let d = new_dict();
            locals[total + has_varargs as usize] = Some(d.clone());
            Some(d)
        } else {
            None
        };
        let posonly = co.posonlyargcount as usize;
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, value) in kwn.iter().zip(kwvals) {
            let found = (posonly..total).find(|&i| {
                let p = code.localsplusnames[i].as_ref();
                p.is(name.as_ref())
                    || matches!((Str::new(p), Str::new(name.as_ref())), (Some(a), Some(b)) if a.content_eq(b))
            });
            let key_text =
                || Str::new(name.as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
            match found {
                Some(i) => {
                    if locals[i].is_some() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(),
                            key_text()
                        )));
                    }
                    locals[i] = Some(value.clone());
                }
                None => {
                    if let Some(d) = &kwdict {
                        as_dict(d.as_ref()).expect("dict").set_item(name.clone(), value.clone())?;
                        continue;
                    }
                    let is_posonly = (0..posonly).any(|i| {
                        matches!((Str::new(code.localsplusnames[i].as_ref()), Str::new(name.as_ref())), (Some(a), Some(b)) if a.content_eq(b))
                    });
                    if is_posonly {
                        posonly_as_kw.push(key_text());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(),
                        key_text()
                    )));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(),
                posonly_as_kw.join(", ")
            )));
        }
        let defaults = f.defaults.borrow().clone();
        let defs: &[Object] =
            defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
        if npos > argcount && !has_varargs {
            let kwonly_given = (argcount..total).filter(|&i| locals[i].is_some()).count();
            let sig = if !defs.is_empty() {
                format!("from {} to {}", argcount - defs.len(), argcount)
            } else {
                argcount.to_string()
            };
            let kw_sig = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    plural(npos),
                    kwonly_given,
                    plural(kwonly_given)
                )
            } else {
                String::new()
            };
            return Err(PyErr::type_error(format!(
                "{}() takes {} positional argument{} but {}{} {} given",
                qualname(),
                sig,
                plural(if defs.is_empty() { argcount } else { 2 }),
                npos,
                kw_sig,
                if npos == 1 && kwonly_given == 0 { "was" } else { "were" }
            )));
        }
        let first_default = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in npos.min(argcount)..argcount {
            if locals[i].is_none() {
                if i >= first_default {
                    locals[i] = Some(defs[i - first_default].clone());
                } else {
                    missing.push(
                        Str::new(code.localsplusnames[i].as_ref())
                            .map(|s| s.to_string_lossy())
                            .unwrap_or_default(),
                    );
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(),
                missing.len(),
                plural(missing.len()),
                names_list(&missing)
            )));
        }
        let kwdefaults = f.kwdefaults.borrow().clone();
        for (i, slot) in locals.iter_mut().enumerate().take(total).skip(argcount) {
            if slot.is_none() {
                let name = code.localsplusnames[i].as_ref();
                if let Some(d) = kwdefaults.as_ref().and_then(|d| as_dict(d.as_ref()))
                    && let Some(v) = d.get_item(name)?
                {
                    *slot = Some(v);
                    continue;
                }
                missing.push(Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default());
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(),
                missing.len(),
                plural(missing.len()),
                names_list(&missing)
            )));
        }
        Ok(())
    })();
    if let Err(e) = result {
        stack.values.truncate(base);
        super::leave_frame();
        return Err(e);
    }
    stack.frames.push(Frame {
        code: f.code.clone(),
        func: Some(func.to_owned()),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals: None,
        base,
        ip: 0,
        lasti: 0,
    });
    Ok(())
}
