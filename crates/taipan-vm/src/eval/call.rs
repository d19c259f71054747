//! Calls: binding arguments to a Python function's parameters (CPython's `initialize_locals`,
//! with its error messages) and pushing the callee's frame on the frame stack.

use taipan_bytecode::code::{CO_VARARGS, CO_VARKEYWORDS};

use crate::error::{PyErr, PyResult};
use crate::frame::{Frame, FrameStack};
use crate::object::{Object, ObjectRef};
use crate::types::code::as_code;
use crate::types::dict::{as_dict, new_dict};
use crate::types::pyfunction::{as_function, as_method};
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
    let code = as_code(f.code()).expect("code");
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
        // Positional arguments only, the missing trailing ones all having defaults.
        if kwn.is_empty() && !has_varargs && !has_varkw && kwonly == 0 && npos < argcount {
            let defaults = f.defaults.borrow();
            let defs: &[Object] =
                defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
            if argcount - npos <= defs.len() {
                let mut slots = locals.iter_mut();
                if let Some(s) = self_ {
                    *slots.next().expect("slot") = Some(s);
                }
                let from_defaults = &defs[defs.len() - (argcount - npos)..];
                for (slot, a) in slots.zip(posargs.iter().chain(from_defaults)) {
                    *slot = Some(a.clone());
                }
                return Ok(());
            }
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
    // Code that is not a function body's (`FunctionType(compile(...))`) stores names in the
    // globals, as CPython's `_PyFunction_Vectorcall` passes them as the locals.
    let locals = (co.flags & taipan_bytecode::code::CO_OPTIMIZED == 0).then(|| f.globals.clone());
    stack.push_frame(Frame {
        code: f.code().to_owned(),
        func: Some(func.to_owned()),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals,
        base,
        ip: 0,
        lasti: 0,
    });
    Ok(())
}

/// `CALL` with `nargs` positional arguments whose callable is a plain Python function (or a
/// method bound to one) taking exactly those arguments positionally (CPython's
/// `CALL_PY_EXACT_ARGS` and `CALL_BOUND_METHOD_EXACT_ARGS`): the arguments already on the value
/// stack become the new frame's first locals where they lie. The callable and `self_or_null`
/// slots below them are removed (the function moves into the frame record), so the caller's
/// stack ends where the callee's `localsplus` starts, as after the generic path.
///
/// Returns `Ok(false)`, with the stack as it was (but a bound method may have been unpacked into
/// function and `self`, which the generic path treats the same), when the call does not fit.
#[inline]
pub(crate) fn push_exact_args(stack: &mut FrameStack, nargs: usize) -> PyResult<bool> {
    let len = stack.values.len();
    let c = len - nargs - 2;
    let has_self = {
        let Some(callable) = stack.values[c].as_ref() else { return Ok(false) };
        if as_function(callable.as_ref()).is_some() {
            stack.values[c + 1].is_some()
        } else if stack.values[c + 1].is_none()
            && let Some(m) = as_method(callable.as_ref())
            && as_function(m.func.as_ref()).is_some()
        {
            let (f, s) = (m.func.clone(), m.self_.clone());
            stack.values[c + 1] = Some(s);
            let old = stack.values[c].replace(f);
            drop(old);
            true
        } else {
            return Ok(false);
        }
    };
    let func = stack.values[c].as_ref().expect("callable");
    let f = as_function(func.as_ref()).expect("a Python function");
    let code = as_code(f.code()).expect("code");
    let co = &code.code;
    if co.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0
        || co.kwonlyargcount != 0
        || co.argcount as usize != nargs + has_self as usize
    {
        return Ok(false);
    }
    super::enter_frame()?;
    let (code_obj, globals, builtins) =
        (f.code().to_owned(), f.globals.clone(), f.builtins.clone());
    let locals = (co.flags & taipan_bytecode::code::CO_OPTIMIZED == 0).then(|| globals.clone());
    let nlocalsplus = code.nlocalsplus;
    let func = stack.values[c].take();
    // Close the gap left by the callable (and an empty `self_or_null`): the arguments slide
    // down to start at `c`, which becomes the callee's `localsplus[0]`.
    let first = if has_self { c + 1 } else { c + 2 };
    debug_assert!(stack.values[c..first].iter().all(Option::is_none));
    // SAFETY: slots `c..first` are empty (`None`: the callable was taken, `self_or_null` is
    // NULL or was moved up), so overwriting them drops nothing; the values above move down
    // once and the length shrinks by the gap.
    unsafe {
        let p = stack.values.as_mut_ptr();
        std::ptr::copy(p.add(first), p.add(c), len - first);
        stack.values.set_len(len - (first - c));
    }
    stack.values.resize_with(c + nlocalsplus, || None);
    stack.push_frame(Frame {
        code: code_obj,
        func,
        globals,
        builtins,
        locals,
        base: c,
        ip: 0,
        lasti: 0,
    });
    Ok(true)
}
