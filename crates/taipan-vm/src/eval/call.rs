//! Calls: binding arguments to a Python function's parameters (CPython's `initialize_locals`,
//! with its error messages) and pushing the callee's frame on the frame stack.

use taipan_bytecode::code::{CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS};

use crate::error::{PyErr, PyResult};
use crate::frame::{Frame, FrameStack};
use crate::object::{Object, ObjectRef};
use crate::types::code::{CodePayload, as_code};
use crate::types::dict::{as_dict, new_dict};
use crate::types::pyfunction::{FunctionPayload, as_function, as_method};
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
    let argcount = co.argcount as usize;
    let npos = args.len() - kwn.len() + self_.is_some() as usize;
    let nlocalsplus = code.nlocalsplus;

    super::enter_frame()?;
    let base = stack.values.len();
    // Positional arguments only, to a function without `*args`, `**kwargs` or keyword-only
    // parameters, the missing trailing ones (if any) having defaults: one pass, no binder.
    if kwn.is_empty()
        && co.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
        && co.kwonlyargcount == 0
        && npos <= argcount
    {
        let defaults = f.defaults.borrow();
        let defs: &[Object] =
            defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
        let missing = argcount - npos;
        if missing <= defs.len() {
            let values = &mut stack.values;
            values.reserve(nlocalsplus);
            if let Some(s) = self_ {
                values.push(Some(s));
            }
            for a in args.iter().chain(&defs[defs.len() - missing..]) {
                values.push(Some(a.clone()));
            }
            extend_null(values, base + nlocalsplus);
            drop(defaults);
            push_record(stack, func.to_owned(), base, co.flags);
            return Ok(());
        }
    }
    stack.values.resize(base + nlocalsplus, None);
    let locals = &mut stack.values[base..base + nlocalsplus];
    if let Err(e) = bind_arguments(f, code, locals, self_, args, kwn) {
        stack.values.truncate(base);
        super::leave_frame();
        return Err(e);
    }
    push_record(stack, func.to_owned(), base, co.flags);
    Ok(())
}

/// Extends `values` with NULL slots up to `new_len` (at least its length): the few slots of a
/// new frame's other locals, written in place instead of through `Vec::resize`.
#[inline(always)]
fn extend_null(values: &mut Vec<Option<Object>>, new_len: usize) {
    let len = values.len();
    debug_assert!(new_len >= len);
    values.reserve(new_len - len);
    // SAFETY: the capacity was reserved above; slots `len..new_len` are uninitialised and are
    // each written once before the length covers them.
    unsafe {
        let p = values.as_mut_ptr();
        for i in len..new_len {
            p.add(i).write(None);
        }
        values.set_len(new_len);
    }
}

/// Moves `n` slots from `from` down to `to` (`to < from`; the ranges may overlap), one by one
/// for the usual few arguments (no `memmove` call), in bulk for more.
///
/// # Safety
/// Both ranges lie inside one vector's buffer; the slots at `to` hold nothing to drop (they are
/// overwritten) and those at `from` are treated as moved out.
#[inline(always)]
unsafe fn slide_down(from: *mut Option<Object>, to: *mut Option<Object>, n: usize) {
    // SAFETY: see the function's contract; `to < from`, so a forward copy reads each slot
    // before it is overwritten.
    unsafe {
        match n {
            0 => {}
            1 => to.write(from.read()),
            2 => {
                to.write(from.read());
                to.add(1).write(from.add(1).read());
            }
            3 => {
                to.write(from.read());
                to.add(1).write(from.add(1).read());
                to.add(2).write(from.add(2).read());
            }
            _ => std::ptr::copy(from, to, n),
        }
    }
}

/// Pushes the frame record of a call of the Python function `func` whose code has `flags`.
#[inline(always)]
fn push_record(stack: &mut FrameStack, func: Object, base: usize, flags: u32) {
    let mut frame = Frame::function(func, base);
    // Code that is not a function body's (`FunctionType(compile(...))`) stores names in the
    // globals, as CPython's `_PyFunction_Vectorcall` passes them as the locals.
    if flags & CO_OPTIMIZED == 0 {
        frame.locals = Some(frame.globals.clone());
    }
    stack.push_frame(frame);
}

/// The index of the parameter (among `posonly..total`) named `name`: by identity first (names
/// are usually interned), then by content.
#[inline]
fn find_param(
    code: &CodePayload,
    posonly: usize,
    total: usize,
    name: ObjectRef<'_>,
) -> Option<usize> {
    let names = &code.localsplusnames[posonly..total];
    if let Some(i) = names.iter().position(|p| p.as_ref().is(name)) {
        return Some(posonly + i);
    }
    let n = Str::new(name)?;
    names
        .iter()
        .position(|p| Str::new(p.as_ref()).is_some_and(|p| p.content_eq(n)))
        .map(|i| posonly + i)
}

fn str_text(o: ObjectRef<'_>) -> String {
    Str::new(o).map(|s| s.to_string_lossy()).unwrap_or_default()
}

/// Binds `self_` then `args` (the last `kwn.len()` of them keyword values) to the parameters
/// of `f` in its new, all-NULL `locals` (CPython's `initialize_locals`, with its TypeError
/// wordings).
fn bind_arguments(
    f: &FunctionPayload,
    code: &CodePayload,
    locals: &mut [Option<Object>],
    self_: Option<Object>,
    args: &[Object],
    kwn: &[Object],
) -> PyResult<()> {
    let co = &code.code;
    let (posargs, kwvals) = args.split_at(args.len() - kwn.len());
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = co.flags & CO_VARARGS != 0;
    let has_varkw = co.flags & CO_VARKEYWORDS != 0;
    let qualname = || crate::ops::str_string(f.qualname.borrow().as_ref()).unwrap_or_default();
    let npos = posargs.len() + self_.is_some() as usize;

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
        match find_param(code, posonly, total, name.as_ref()) {
            Some(i) => {
                if locals[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(),
                        str_text(name.as_ref())
                    )));
                }
                locals[i] = Some(value.clone());
            }
            None => {
                if let Some(d) = &kwdict {
                    as_dict(d.as_ref()).expect("dict").set_item(name.clone(), value.clone())?;
                    continue;
                }
                if find_param(code, 0, posonly, name.as_ref()).is_some() {
                    posonly_as_kw.push(str_text(name.as_ref()));
                    continue;
                }
                // CPython suggests the closest keyword parameter name.
                let wrong = str_text(name.as_ref());
                let params: Vec<String> =
                    (posonly..total).map(|i| str_text(code.localsplusnames[i].as_ref())).collect();
                let hint = super::suggestions::best_match(&wrong, &params)
                    .map(|m| format!(". Did you mean '{m}'?"))
                    .unwrap_or_default();
                return Err(PyErr::type_error(format!(
                    "{}() got an unexpected keyword argument '{wrong}'{hint}",
                    qualname(),
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
    let defs: &[Object] = defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
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
                missing.push(str_text(code.localsplusnames[i].as_ref()));
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
    if kwonly > 0 {
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
                missing.push(str_text(name));
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
    }
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
/// The test of the callable's type is inlined into `CALL`, so calls of anything else (built-in
/// methods and functions, classes) do not pay for a call of the whole binder.
#[inline(always)]
pub(crate) fn push_exact_args(stack: &mut FrameStack, nargs: usize) -> PyResult<bool> {
    let c = stack.values.len() - nargs - 2;
    match stack.values.get(c) {
        Some(Some(f)) if is_function_or_method(f.as_ref()) => push_exact_args_fit(stack, nargs),
        _ => Ok(false),
    }
}

/// A Python function or a bound method (neither type can be subclassed).
#[inline(always)]
fn is_function_or_method(o: ObjectRef<'_>) -> bool {
    !o.is_small_int() && {
        let t = o.type_();
        std::ptr::eq(t, &crate::types::pyfunction::FUNCTION_TYPE.0)
            || std::ptr::eq(t, &crate::types::pyfunction::METHOD_TYPE.0)
    }
}

/// The in-place pushes' first step: whether the callable at `stack.values[c]` (with its self
/// slot at `c + 1`) is a Python function, a bound method of one being unpacked into function and
/// `self` on the spot. `Some(has_self)` then; `None` (stack untouched) for other callables.
#[inline(always)]
fn python_callable_self(stack: &mut FrameStack, c: usize) -> Option<bool> {
    let callable = stack.values[c].as_ref()?;
    if as_function(callable.as_ref()).is_some() {
        return Some(stack.values[c + 1].is_some());
    }
    if stack.values[c + 1].is_none()
        && let Some(m) = as_method(callable.as_ref())
        && as_function(m.func.as_ref()).is_some()
    {
        let (f, s) = (m.func.clone(), m.self_.clone());
        stack.values[c + 1] = Some(s);
        let old = stack.values[c].replace(f);
        drop(old);
        return Some(true);
    }
    None
}

/// `push_exact_args` once the callable is a function or a bound method.
#[inline(always)]
fn push_exact_args_fit(stack: &mut FrameStack, nargs: usize) -> PyResult<bool> {
    let len = stack.values.len();
    let c = len - nargs - 2;
    let Some(has_self) = python_callable_self(stack, c) else { return Ok(false) };
    let func = stack.values[c].as_ref().expect("callable");
    let f = as_function(func.as_ref()).expect("a Python function");
    let code = as_code(f.code()).expect("code");
    let co = &code.code;
    let given = nargs + has_self as usize;
    let argcount = co.argcount as usize;
    if co.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0 || co.kwonlyargcount != 0 || argcount < given {
        return Ok(false);
    }
    // Missing trailing arguments are taken from the defaults, when they cover them.
    let missing = argcount - given;
    let ndefaults = if missing == 0 {
        0
    } else {
        let defaults = f.defaults.borrow();
        defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).map_or(0, <[Object]>::len)
    };
    if missing > ndefaults {
        return Ok(false);
    }
    super::enter_frame()?;
    let nlocalsplus = code.nlocalsplus;
    let flags = co.flags;
    let func = stack.values[c].take().expect("callable");
    // Close the gap left by the callable (and an empty `self_or_null`): the arguments slide
    // down to start at `c`, which becomes the callee's `localsplus[0]`.
    let first = if has_self { c + 1 } else { c + 2 };
    debug_assert!(stack.values[c..first].iter().all(Option::is_none));
    // SAFETY: slots `c..first` are empty (`None`: the callable was taken, `self_or_null` is
    // NULL or was moved up), so overwriting them drops nothing; the values above move down
    // once and the length shrinks by the gap.
    unsafe {
        let p = stack.values.as_mut_ptr();
        slide_down(p.add(first), p.add(c), len - first);
        stack.values.set_len(len - (first - c));
    }
    if missing > 0 {
        let f = as_function(func.as_ref()).expect("a Python function");
        let defaults = f.defaults.borrow();
        let defs = defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
        for d in &defs[defs.len() - missing..] {
            stack.values.push(Some(d.clone()));
        }
    }
    // The other locals start NULL. The loop reserved room for the caller's whole value stack,
    // which the arguments were part of, so this usually writes in place.
    extend_null(&mut stack.values, c + nlocalsplus);
    push_record(stack, func, c, flags);
    Ok(true)
}

/// The most keyword arguments [`push_kw_args`] binds in place; calls with more take the
/// generic binder.
const MAX_INPLACE_KW: usize = 8;

/// `CALL_KW` with `nargs` arguments, the last `kwn.len()` of them keyword values, whose callable
/// is a plain Python function (or a method bound to one) without `*args`/`**kwargs`: binds the
/// arguments where they lie, as [`push_exact_args`] does, with each keyword value moved straight
/// into its parameter's slot (CPython binds keywords into the new frame's locals the same way).
/// The keyword names were popped already; the stack holds callable, `self_or_null` and the
/// values.
///
/// Everything that could fail is checked before anything moves (unknown or repeated names,
/// missing arguments without defaults, missing keyword-only arguments): any of those returns
/// `Ok(false)` with the stack as it was (a bound method may have been unpacked), and the generic
/// binder then raises CPython's error.
#[inline(always)]
pub(crate) fn push_kw_args(stack: &mut FrameStack, nargs: usize, kwn: &[Object]) -> PyResult<bool> {
    let nkw = kwn.len();
    if nkw > MAX_INPLACE_KW || nkw > nargs {
        return Ok(false);
    }
    let len = stack.values.len();
    let c = len - nargs - 2;
    let Some(has_self) = python_callable_self(stack, c) else { return Ok(false) };
    let func = stack.values[c].as_ref().expect("callable");
    let f = as_function(func.as_ref()).expect("a Python function");
    let code = as_code(f.code()).expect("code");
    let co = &code.code;
    // Positional values given (with `self`).
    let given = nargs - nkw + has_self as usize;
    let argcount = co.argcount as usize;
    let total = argcount + co.kwonlyargcount as usize;
    if co.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0 || argcount < given {
        return Ok(false);
    }
    // Each keyword's parameter index: a parameter after the positional ones given, named once.
    let posonly = co.posonlyargcount as usize;
    let mut slot_of = [0usize; MAX_INPLACE_KW];
    for (j, name) in kwn.iter().enumerate() {
        match find_param(code, posonly, total, name.as_ref()) {
            Some(i) if i >= given && !slot_of[..j].contains(&i) => slot_of[j] = i,
            _ => return Ok(false),
        }
    }
    let slots = &slot_of[..nkw];
    // The positional parameters not given must have defaults; keyword-only ones must be given.
    let ndefs = {
        let defaults = f.defaults.borrow();
        defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).map_or(0, <[Object]>::len)
    };
    let first_default = argcount - ndefs.min(argcount);
    let mut needs_defaults = false;
    for i in (given..total).filter(|i| !slots.contains(i)) {
        if i < first_default || i >= argcount {
            return Ok(false);
        }
        needs_defaults = true;
    }
    super::enter_frame()?;
    let nlocalsplus = code.nlocalsplus;
    let flags = co.flags;
    let first = if has_self { c + 1 } else { c + 2 };
    let mut kwvals: [Option<Object>; MAX_INPLACE_KW] = Default::default();
    let func = stack.values[c].take().expect("callable");
    debug_assert!(stack.values[c..first].iter().all(Option::is_none));
    // SAFETY: slots `first..len` hold this call's values (self, positionals, keyword values),
    // owned by the vector; the keyword values are moved out once and the length is lowered
    // below them at once, then the positional ones slide down over the callable and
    // `self_or_null` slots, which are empty (`None`: the callable was taken, `self_or_null` is
    // NULL or was moved up), so overwriting them drops nothing.
    unsafe {
        let p = stack.values.as_mut_ptr();
        for (j, v) in kwvals.iter_mut().take(nkw).enumerate() {
            *v = p.add(first + given + j).read();
        }
        stack.values.set_len(c);
        slide_down(p.add(first), p.add(c), given);
        stack.values.set_len(c + given);
    }
    extend_null(&mut stack.values, c + nlocalsplus);
    let locals = &mut stack.values[c..c + nlocalsplus];
    for (&i, v) in slots.iter().zip(kwvals.iter_mut()) {
        locals[i] = v.take();
    }
    if needs_defaults {
        let f = as_function(func.as_ref()).expect("a Python function");
        let defaults = f.defaults.borrow();
        let defs = defaults.as_ref().and_then(|d| tuple_items(d.as_ref())).unwrap_or(&[]);
        for i in given..argcount {
            if locals[i].is_none() {
                locals[i] = Some(defs[i - first_default].clone());
            }
        }
    }
    push_record(stack, func, c, flags);
    Ok(true)
}

/// `CALL` of a Python subclass of a built-in exception (not an exception group, not an
/// `OSError`) that has a Python `__init__` and no Python `__new__`, through plain `type`: the
/// instance `BaseException.__new__` makes (its `args` the positional arguments) and the
/// `__init__` to run on it as a frame of the caller's activation (as `type_call` would run it
/// in a nested one). `None` when the class does not fit.
pub(crate) fn exception_init(
    callable: ObjectRef<'_>,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<Option<(Object, Object)>> {
    use crate::types::exceptions::{BASE_EXCEPTION, OS_ERROR};
    use crate::types::typeobject::{TYPE_TYPE, TypeFlags, as_type};
    use taipan_bytecode::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR};
    if callable.is_small_int() || !std::ptr::eq(callable.type_(), &TYPE_TYPE.0) {
        return Ok(None);
    }
    let Some(ty) = as_type(callable) else { return Ok(None) };
    if !ty.has_flag(TypeFlags::HEAPTYPE)
        || !ty.is_subtype(&BASE_EXCEPTION.0)
        || ty.is_subtype(&crate::types::exception_group::BASE_EXCEPTION_GROUP.0)
        || ty.is_subtype(&OS_ERROR.0)
    {
        return Ok(None);
    }
    static INIT: crate::gil::GilLazy<Object> =
        crate::gil::GilLazy::new(|| crate::types::str::intern("__init__"));
    let Some(init) = INIT.with(|n| crate::types::typelookup::lookup_python_attr(ty, n.as_ref()))?
    else {
        return Ok(None);
    };
    let Some(f) = as_function(init.as_ref()) else { return Ok(None) };
    let flags = as_code(f.code()).map_or(0, |c| c.flags());
    if flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0
        || crate::types::classnew::has_python_new(ty)?.is_some()
    {
        return Ok(None);
    }
    let nkw = kwnames.and_then(tuple_items).map_or(0, <[Object]>::len);
    let pos = args[..args.len() - nkw].to_vec();
    let inst = crate::types::exceptions::new_exception(ty, new_tuple(pos));
    Ok(Some((inst, init)))
}
