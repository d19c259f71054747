//! The dispatch loop: one `match` on the opcode of each code unit, CACHE units skipped by their
//! count from `taipan_bytecode`. Python-to-Python calls push a frame and `continue 'frames`;
//! `RETURN_VALUE` pops it. Errors unwind through each frame's exception table, adding one
//! traceback entry per frame left (docs/vm.md, "The eval loop").

use taipan_bytecode::exception_table::find_handler;
#[cfg(debug_assertions)]
use taipan_bytecode::opcode::cache_entries;
use taipan_bytecode::opcodes::*;

use super::helpers::*;
use super::{fastops, specialize};
use crate::error::{PyErr, PyResult};
use crate::frame::FrameStack;
use crate::object::{Object, ObjectRef};
use crate::ops::{self, BinOp};
use crate::types::bool::py_bool;
use crate::types::cell::{as_cell, new_cell};
use crate::types::code::as_code;
use crate::types::dict::{as_dict, new_dict};
use crate::types::exceptions::{ExcPayload, TracebackEntry};
use crate::types::int::new_int_i64;
use crate::types::list::{as_list, new_list};
use crate::types::pyfunction::{as_function, as_method, new_function};
use crate::types::set::{as_set, new_set};
use crate::types::singletons::{is_none, none};
use crate::types::slice::new_slice;
use crate::types::tuple::{new_tuple, tuple_items};
use crate::types::typeobject::CompareOp;

/// What the loop does after an instruction raised.
struct Raised {
    err: PyErr,
    /// `RERAISE` and re-raises add no traceback entry for the current frame.
    reraise: bool,
    /// The instruction whose exception-table entry applies, when it differs from the frame's
    /// `lasti` (`RERAISE` restores `lasti` for the traceback but is itself the raising
    /// instruction).
    at: Option<usize>,
}

const CMP: [CompareOp; 6] =
    [CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge];

/// Maps `BINARY_OP`'s oparg to the operator (in-place forms share the binary slot for now).
fn bin_op(arg: u32) -> Option<BinOp> {
    Some(match arg % 13 {
        0 => BinOp::Add,
        1 => BinOp::And,
        2 => BinOp::FloorDiv,
        3 => BinOp::LShift,
        5 => BinOp::Mul,
        6 => BinOp::Mod,
        7 => BinOp::Or,
        8 => BinOp::Pow,
        9 => BinOp::RShift,
        10 => BinOp::Sub,
        11 => BinOp::TrueDiv,
        12 => BinOp::Xor,
        _ => return None,
    })
}

/// Records that `err` passed through the instruction `lasti` of `code`; on its first frame, also
/// chains the exception being handled as its `__context__`.
fn add_traceback(err: &PyErr, code: ObjectRef<'_>, lasti: usize, globals: &Object) {
    let Some(p) = err.instance().payload::<ExcPayload>() else { return };
    let first = p.traceback.borrow().is_empty();
    let entry = TracebackEntry::new(code.to_owned(), lasti as u32, globals.clone());
    p.traceback.borrow_mut().push(entry);
    if first {
        chain_context(err);
    }
}

/// Sets `__context__` of a newly raised exception to the one being handled, if any.
pub(crate) fn chain_context(err: &PyErr) {
    let Some(p) = err.instance().payload::<ExcPayload>() else { return };
    if p.context.borrow().is_some() {
        return;
    }
    set_context(err);
}

/// `raise exc`: `__context__` becomes the exception being handled, if any, even when `exc`
/// already had one (an exception object raised again), as CPython does at each raise.
fn set_context(err: &PyErr) {
    let Some(p) = err.instance().payload::<ExcPayload>() else { return };
    if let Some(cur) = super::current_exception()
        && !cur.as_ref().is(err.instance())
    {
        // Break a cycle CPython-style: drop the link that would point back at `err`. A cycle
        // already in the chain (not through `err`) ends the walk: a second cursor moving at
        // half speed meets the first one inside it.
        let context_of =
            |o: &Object| o.payload::<ExcPayload>().and_then(|q| q.context.borrow().clone());
        let mut o = cur.clone();
        let mut slow = cur.clone();
        let mut move_slow = false;
        while let Some(next) = context_of(&o) {
            if next.as_ref().is(err.instance()) {
                let old = o.payload::<ExcPayload>().map(|q| q.context.replace(None));
                drop(old);
                break;
            }
            o = next;
            if o.as_ref().is(slow.as_ref()) {
                break;
            }
            if move_slow {
                slow = context_of(&slow).unwrap_or_else(|| o.clone());
            }
            move_slow = !move_slow;
        }
        let old = p.context.replace(Some(cur));
        drop(old);
    }
}

/// Runs the frames on `stack` until the bottom one returns.
pub(crate) fn run(stack: &mut FrameStack) -> PyResult<Object> {
    let _active = crate::frame::activate(stack);
    let mut pending: Option<Raised> =
        stack.throw.take().map(|err| Raised { err, reraise: false, at: None });
    if let Some(p) = pending.as_mut()
        && crate::trace::on()
    {
        // A generator resumed by `throw()`: the hooks see it resume (docs/vm.md, "Tracing").
        crate::trace::throw(stack, &mut p.err);
    }
    // docs/vm.md, "Tracing": the loop's tracing instance runs while a trace or profile hook is
    // set; each instance hands the frames over to the other at a frame switch.
    loop {
        let mut switch = false;
        let r = if crate::trace::on() {
            run_frames::<true>(stack, &mut pending, &mut switch)
        } else {
            run_frames::<false>(stack, &mut pending, &mut switch)
        };
        if !switch {
            return r;
        }
    }
}

/// The loop; `TRACE`: the instance that reports events to the hooks (`trace.rs`). It returns
/// with `switch` set (and the exception being unwound in `carry`) when hooks were set or
/// removed, for the other instance to continue. Never inlined: `run` must not hold both
/// instances (one big function keeps the plain loop's register allocation as it was).
#[inline(never)]
fn run_frames<const TRACE: bool>(
    stack: &mut FrameStack,
    carry: &mut Option<Raised>,
    switch: &mut bool,
) -> PyResult<Object> {
    let mut pending = carry.take();
    'frames: loop {
        if TRACE != crate::trace::on() {
            *carry = pending;
            *switch = true;
            return Ok(none());
        }
        let fi = stack.frames.len() - 1;
        // SAFETY: docs/vm.md, "The running frame's code": frame `fi` owns a reference to its
        // code while it is on the stack, and the loop stops using `code_obj`/`code` once it
        // pops that frame (each pop is followed by `continue 'frames`). Borrowing instead of
        // cloning saves a refcount round trip per call and per return.
        let code_obj: ObjectRef<'_> = unsafe { ObjectRef::from_raw(stack.frames[fi].code.raw()) };
        let code = as_code(code_obj).expect("code");

        if let Some(Raised { err, reraise, at }) = pending.take() {
            // Unwind: find a handler in this frame, or leave it.
            let lasti = stack.frames[fi].lasti;
            if !reraise {
                add_traceback(&err, code_obj, lasti, &stack.frames[fi].globals);
            }
            let err = if TRACE { crate::trace::exception(stack, fi, err, reraise) } else { err };
            let at = at.unwrap_or(lasti);
            if let Some(h) = find_handler(&code.code.exceptiontable, at as u32) {
                let base = stack.frames[fi].base;
                stack.values.truncate(base + code.nlocalsplus + h.depth as usize);
                if h.lasti {
                    stack.values.push(Some(new_int_i64(lasti as i64)));
                }
                stack.values.push(Some(err.into_instance()));
                stack.frames[fi].ip = h.target as usize;
            } else {
                let err = if TRACE { crate::trace::unwind(stack, fi, err) } else { err };
                let frame = stack.frames.pop().expect("frame");
                crate::types::exceptions::keep_frame_locals(
                    err.instance(),
                    &frame.code,
                    &mut stack.values,
                    frame.base,
                    code.nlocalsplus,
                );
                drop(frame);
                let instance = stack.take_init_instance();
                drop(instance);
                super::leave_frame();
                if stack.frames.is_empty() {
                    return Err(err);
                }
                pending = Some(Raised { err, reraise: false, at: None });
                continue 'frames;
            }
        }

        let base = stack.frames[fi].base;
        let units = &code.units[..];
        let mut ip = stack.frames[fi].ip;
        // Room for this frame's whole value stack, so that pushes need no capacity check
        // (docs/vm.md, "The value stack bound"). The vector never shrinks while frames run, so
        // this holds until the next frame switch, where it is checked again.
        let stack_end = base + code.nlocalsplus + code.code.stacksize as usize;
        if stack.values.capacity() < stack_end {
            stack.values.reserve(stack_end - stack.values.len());
        }

        // The loop cursor (docs/vm.md, "The loop cursor"): `sp` is one past the top of the
        // value stack, `lp` is `localsplus[0]`, both raw pointers into `stack.values` kept in
        // locals so that pushes, pops and local accesses are single loads and stores. While
        // the instructions run, `stack.values.len()` is only the frame's floor (`base +
        // nlocalsplus`): `sync!` writes the true length back before anything reads or changes
        // the value stack through `stack`, and `reload!` re-derives the pointers after it.
        let floor = base + code.nlocalsplus;
        let mut vp: *mut Option<Object> = stack.values.as_mut_ptr();
        // SAFETY: docs/vm.md, "The loop cursor": `base <= len <= capacity` of the vector.
        let mut lp: *mut Option<Object> = unsafe { vp.add(base) };
        // SAFETY: as above.
        let mut sp: *mut Option<Object> = unsafe { vp.add(stack.values.len()) };
        debug_assert!(stack.values.len() >= floor, "frame without its localsplus");
        // SAFETY: docs/vm.md, "The loop cursor": slots `floor..` are owned by the cursor until
        // the next `sync!`; the length only drops, so nothing is dropped twice.
        unsafe { stack.values.set_len(floor) };

        macro_rules! sync {
            () => {{
                // SAFETY: docs/vm.md, "The loop cursor": `sp` points into (or one past) this
                // frame's reserved room of the current `values` buffer, at or above `floor`.
                unsafe { stack.values.set_len(sp.offset_from(vp) as usize) }
            }};
        }
        macro_rules! reload {
            () => {{
                vp = stack.values.as_mut_ptr();
                // SAFETY: docs/vm.md, "The loop cursor": after a `sync!` and a call that keeps
                // this frame on top, `floor <= len <= capacity`.
                unsafe {
                    lp = vp.add(base);
                    sp = vp.add(stack.values.len());
                    stack.values.set_len(floor);
                }
                let _ = lp;
            }};
        }
        macro_rules! push_slot {
            ($v:expr) => {{
                let v: Option<Object> = $v;
                debug_assert!(
                    (sp as usize) < (vp as usize) + stack_end * size_of::<Option<Object>>(),
                    "value stack overflow"
                );
                // SAFETY: docs/vm.md, "The value stack bound" and "The loop cursor": the
                // compiler's `co_stacksize` bounds this frame's stack, whose room was reserved
                // at the frame switch, and `sp` is the top.
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Object = $v;
                push_slot!(Some(v))
            }};
        }
        macro_rules! pop_opt {
            () => {{
                debug_assert!(
                    (sp as usize) > (vp as usize) + floor * size_of::<Option<Object>>(),
                    "value stack underflow"
                );
                // SAFETY: docs/vm.md, "The value stack bound" and "The loop cursor": the
                // compiler never pops below the frame's `localsplus`, so the slot under `sp`
                // holds a value, which is moved out as the cursor drops past it.
                unsafe {
                    sp = sp.sub(1);
                    sp.read()
                }
            }};
        }
        macro_rules! pop {
            () => {
                pop_opt!().expect("NULL on the value stack")
            };
        }
        macro_rules! slot {
            ($n:expr) => {
                // SAFETY: docs/vm.md, "The loop cursor": the compiler only reads values of
                // this frame's stack (`1 <= n <= depth`).
                unsafe { &mut *sp.sub($n as usize) }
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                slot!($n).as_ref().expect("NULL on the value stack")
            };
        }
        macro_rules! local {
            ($i:expr) => {
                *{
                    let i = $i as usize;
                    debug_assert!(i < code.nlocalsplus, "local out of range");
                    // SAFETY: docs/vm.md, "The loop cursor": the compiler's local indexes are
                    // below `nlocalsplus`, and `lp` is this frame's `localsplus[0]`.
                    unsafe { &mut *lp.add(i) }
                }
            };
        }

        // The high bits of the next instruction's oparg, left (shifted) by `EXTENDED_ARG`.
        let mut ext: u32 = 0;
        let raised: Raised = 'instrs: loop {
            let lasti = ip;
            debug_assert!(ip < units.len(), "ran past the code's end");
            // SAFETY: docs/vm.md, "The code-unit bound": `ip` is the start of an instruction
            // of this code or its trailing `RESERVED` unit, both inside `units`.
            let unit = unsafe { *units.get_unchecked(ip) };
            if TRACE && ext == 0 {
                // The hooks see each instruction before it runs (docs/vm.md, "Tracing").
                // SAFETY: docs/vm.md, "The loop cursor": slots `floor..sp` hold this frame's
                // value stack; `seen` copies what it needs before any hook runs.
                let values = unsafe {
                    std::slice::from_raw_parts(
                        vp.add(floor),
                        sp.offset_from(vp.add(floor)) as usize,
                    )
                };
                let seen = crate::trace::seen(unit.op, unit.arg, values);
                match crate::trace::instruction(stack, fi, lasti, seen) {
                    Ok(None) => {}
                    Ok(Some(to)) => {
                        ip = to;
                        continue 'instrs;
                    }
                    Err(err) => {
                        stack.frames[fi].lasti = lasti;
                        break 'instrs Raised { err, reraise: false, at: None };
                    }
                }
            }
            // `EXTENDED_ARG` is an arm of its own: it leaves its widened oparg in `ext` for the
            // next instruction (no test on the hot path of every other instruction).
            let oparg = ext | unit.arg as u32;
            ext = 0;
            let op = unit.op;
            ip += 1;
            // `ip` is past the opcode; an arm whose instruction has CACHE units steps over
            // them itself with `next!(OP)` (a constant per arm, no table load).
            #[cfg(debug_assertions)]
            let expected_next = ip + cache_entries(op);
            macro_rules! next {
                ($op:expr) => {
                    ip + const { CACHE_ENTRIES[$op as usize] as usize }
                };
            }
            // A test's result: when the next instruction is `POP_JUMP_IF_FALSE`/`_TRUE` (as after
            // `COMPARE_OP`, `CONTAINS_OP`, `IS_OP` and `TO_BOOL` in conditions), jumps right away
            // instead of pushing a bool for it to pop (it cannot fail or be observed), also
            // stepping over the `NOT_TAKEN` of its fall-through path; else pushes the bool.
            macro_rules! bool_result {
                ($r:expr, $next:expr) => {{
                    let r: bool = $r;
                    let next: usize = $next;
                    // SAFETY: docs/vm.md, "The code-unit bound": `next` is the start of the
                    // following instruction (or the trailing `RESERVED` unit).
                    let nu = unsafe { *units.get_unchecked(next) };
                    // (Not while tracing: the jump is an instruction the hooks see.)
                    if !TRACE && (nu.op == POP_JUMP_IF_FALSE || nu.op == POP_JUMP_IF_TRUE) {
                        let after =
                            next + 1 + const { CACHE_ENTRIES[POP_JUMP_IF_FALSE as usize] as usize };
                        ip = if r == (nu.op == POP_JUMP_IF_TRUE) {
                            after + nu.arg as usize
                        } else {
                            // SAFETY: as above, `after` starts the instruction after the jump.
                            let skip = unsafe { units.get_unchecked(after) }.op == NOT_TAKEN;
                            after + skip as usize
                        };
                    } else {
                        push!(py_bool(r));
                        ip = next;
                    }
                    continue 'instrs;
                }};
            }

            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(err) => {
                            stack.frames[fi].lasti = lasti;
                            break 'instrs Raised { err, reraise: false, at: None };
                        }
                    }
                };
            }
            macro_rules! raise {
                ($e:expr) => {{
                    stack.frames[fi].lasti = lasti;
                    break 'instrs Raised { err: $e, reraise: false, at: None };
                }};
            }

            match op {
                EXTENDED_ARG => {
                    ext = oparg << 8;
                    continue 'instrs;
                }
                NOP | NOT_TAKEN | CACHE => {}
                RESUME => tri!(eval_breaker()),
                LOAD_CONST => push!(code.consts[oparg as usize].clone()),
                LOAD_SMALL_INT => push!(new_int_i64(oparg as i64)),
                LOAD_FAST | LOAD_FAST_BORROW | LOAD_FAST_CHECK => match &local!(oparg) {
                    Some(v) => {
                        let v = v.clone();
                        push!(v)
                    }
                    None => raise!(unbound_local(code, oparg as usize)),
                },
                LOAD_FAST_LOAD_FAST | LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
                    for i in [oparg >> 4, oparg & 15] {
                        match &local!(i) {
                            Some(v) => {
                                let v = v.clone();
                                push!(v)
                            }
                            None => raise!(unbound_local(code, i as usize)),
                        }
                    }
                }
                LOAD_FAST_AND_CLEAR => {
                    let v = local!(oparg).take();
                    push_slot!(v);
                }
                STORE_FAST => {
                    // May store NULL: restoring a variable a comprehension shadowed.
                    let v = pop_opt!();
                    let old = std::mem::replace(&mut local!(oparg), v);
                    drop(old);
                }
                STORE_FAST_LOAD_FAST => {
                    let v = pop!();
                    let old = local!(oparg >> 4).replace(v);
                    drop(old);
                    match &local!(oparg & 15) {
                        Some(v) => {
                            let v = v.clone();
                            push!(v)
                        }
                        None => raise!(unbound_local(code, (oparg & 15) as usize)),
                    }
                }
                STORE_FAST_STORE_FAST => {
                    let a = pop!();
                    let old = local!(oparg >> 4).replace(a);
                    drop(old);
                    let b = pop!();
                    let old = local!(oparg & 15).replace(b);
                    drop(old);
                }
                DELETE_FAST => {
                    if local!(oparg).is_none() {
                        raise!(unbound_local(code, oparg as usize));
                    }
                    let old = local!(oparg).take();
                    drop(old);
                }
                MAKE_CELL => {
                    let v = local!(oparg).take();
                    local!(oparg) = Some(new_cell(v));
                }
                COPY_FREE_VARS => {
                    // The frame's function owns the closure tuple, and the slots written are
                    // NULL free-variable slots: nothing runs while the tuple is borrowed.
                    let frame = &stack.frames[fi];
                    let f = as_function(frame.func().expect("closure needs a function").as_ref())
                        .expect("function");
                    let closure = f.closure.borrow();
                    let cells =
                        tuple_items(closure.as_ref().expect("closure").as_ref()).expect("tuple");
                    let first = base + code.nlocalsplus - oparg as usize;
                    for (slot, c) in stack.values[first..].iter_mut().zip(cells) {
                        *slot = Some(c.clone());
                    }
                }
                LOAD_DEREF => {
                    let v = match &local!(oparg) {
                        Some(cell) => as_cell(cell.as_ref()).expect("cell").get(),
                        None => None,
                    };
                    match v {
                        Some(v) => push!(v),
                        None => raise!(unbound_deref(code, oparg as usize)),
                    }
                }
                LOAD_FROM_DICT_OR_DEREF => {
                    let mapping = pop!();
                    let name = code.localsplusnames[oparg as usize].as_ref();
                    match tri!(mapping_get(mapping.as_ref(), name)) {
                        Some(v) => push!(v),
                        None => {
                            let cell = local!(oparg).clone().expect("cell");
                            match as_cell(cell.as_ref()).expect("cell").get() {
                                Some(v) => push!(v),
                                None => raise!(unbound_deref(code, oparg as usize)),
                            }
                        }
                    }
                }
                STORE_DEREF => {
                    let v = pop!();
                    let old = as_cell(local!(oparg).as_ref().expect("cell").as_ref())
                        .expect("cell")
                        .set(Some(v));
                    // The old value may run a finaliser that stores into this frame's slots:
                    // released after the borrow of the slot ends.
                    drop(old);
                }
                DELETE_DEREF => {
                    let cell = local!(oparg).clone().expect("cell");
                    let old = as_cell(cell.as_ref()).expect("cell").set(None);
                    if old.is_none() {
                        raise!(unbound_deref(code, oparg as usize));
                    }
                }
                LOAD_NAME => {
                    let name = code.names[oparg as usize].as_ref();
                    let frame = &stack.frames[fi];
                    let r = load_name(frame.locals.as_ref(), &frame.globals, &frame.builtins, name);
                    if let Err(e) = &r {
                        name_hint(e, name, stack, fi, code);
                    }
                    push!(tri!(r))
                }
                LOAD_FROM_DICT_OR_GLOBALS => {
                    let mapping = pop!();
                    let name = code.names[oparg as usize].as_ref();
                    let frame = &stack.frames[fi];
                    let v = tri!(load_name(Some(&mapping), &frame.globals, &frame.builtins, name));
                    push!(v)
                }
                STORE_NAME => {
                    let v = pop!();
                    let name = code.names[oparg as usize].as_ref();
                    let locals =
                        tri!(frame_locals(stack.frames[fi].locals.as_ref(), "storing", name));
                    tri!(mapping_set(locals.as_ref(), name, Some(v.as_ref())));
                }
                DELETE_NAME => {
                    let name = code.names[oparg as usize].as_ref();
                    let locals =
                        tri!(frame_locals(stack.frames[fi].locals.as_ref(), "deleting", name));
                    if let Err(e) = mapping_set(locals.as_ref(), name, None) {
                        if e.matches(&crate::types::exceptions::KEY_ERROR) {
                            raise!(name_error(name));
                        }
                        raise!(e);
                    }
                }
                LOAD_GLOBAL => {
                    let next = next!(LOAD_GLOBAL);
                    let ic = &code.ic[ip - 1..next];
                    let frame = &stack.frames[fi];
                    if let Some(v) =
                        specialize::load_global_hit(ic, &frame.globals, &frame.builtins)
                    {
                        push!(v);
                        if oparg & 1 != 0 {
                            push_slot!(None);
                        }
                        ip = next;
                        continue 'instrs;
                    }
                    let name = code.names[(oparg >> 1) as usize].as_ref();
                    if specialize::should_specialise(ic) {
                        specialize::specialise_load_global(
                            ic,
                            &frame.globals,
                            &frame.builtins,
                            name,
                        );
                    }
                    let r = load_global(&frame.globals, &frame.builtins, name);
                    if let Err(e) = &r {
                        name_hint(e, name, stack, fi, code);
                    }
                    push!(tri!(r));
                    if oparg & 1 != 0 {
                        push_slot!(None);
                    }
                    ip = next;
                }
                STORE_GLOBAL => {
                    let v = pop!();
                    let name = code.names[oparg as usize].as_ref();
                    let g = stack.frames[fi].globals.clone();
                    tri!(as_dict(g.as_ref()).expect("dict").set_item(name.to_owned(), v));
                }
                DELETE_GLOBAL => {
                    let name = code.names[oparg as usize].as_ref();
                    let g = stack.frames[fi].globals.clone();
                    if tri!(as_dict(g.as_ref()).expect("dict").del_item(name)).is_none() {
                        raise!(name_error(name));
                    }
                }
                LOAD_LOCALS => match stack.frames[fi].locals.clone() {
                    Some(l) => push!(l),
                    None => raise!(PyErr::new(
                        &crate::types::exceptions::SYSTEM_ERROR,
                        "no locals found"
                    )),
                },
                LOAD_COMMON_CONSTANT => {
                    let frame = &stack.frames[fi];
                    let v = tri!(common_constant(oparg, &frame.builtins));
                    push!(v)
                }
                LOAD_ATTR => {
                    let next = next!(LOAD_ATTR);
                    let owner = pop!();
                    let name = code.names[(oparg >> 1) as usize].as_ref();
                    let ic = &code.ic[ip - 1..next];
                    if oparg & 1 == 0
                        && let Some(fget) = specialize::property_hit(ic, &owner)
                    {
                        // A property's Python getter runs as a frame of this activation; its
                        // return value is the attribute.
                        stack.frames[fi].lasti = lasti;
                        stack.frames[fi].ip = next;
                        sync!();
                        let r = super::call::push_function_frame(
                            stack,
                            fget.as_ref(),
                            Some(owner),
                            &[],
                            None,
                        );
                        if let Err(e) = r {
                            reload!();
                            raise!(e);
                        }
                        continue 'frames;
                    }
                    if let Some((v, s)) = specialize::load_attr_hit(ic, &owner, name) {
                        push!(v);
                        if oparg & 1 != 0 {
                            push_slot!(s);
                        }
                        ip = next;
                        continue 'instrs;
                    }
                    if specialize::should_specialise(ic) {
                        specialize::specialise_load_attr(ic, owner.as_ref(), name, oparg & 1 != 0);
                    }
                    let r = if oparg & 1 != 0 {
                        load_method(owner.clone(), name)
                    } else {
                        crate::attr::getattr(owner.as_ref(), name).map(|v| (v, None))
                    };
                    if let Err(e) = &r
                        && e.matches(&crate::types::exceptions::ATTRIBUTE_ERROR)
                    {
                        let n = crate::types::str::Str::new(name)
                            .map(|s| s.to_string_lossy())
                            .unwrap_or_default();
                        super::suggestions::attribute_error_hint(e, owner.as_ref(), &n);
                    }
                    let (m, s) = tri!(r);
                    push!(m);
                    if oparg & 1 != 0 {
                        push_slot!(s);
                    }
                    ip = next;
                }
                STORE_ATTR => {
                    let next = next!(STORE_ATTR);
                    let owner = pop!();
                    let v = pop!();
                    let name = code.names[oparg as usize].as_ref();
                    let ic = &code.ic[ip - 1..next];
                    let v = match specialize::store_attr_hit(ic, &owner, name, v) {
                        Ok(()) => {
                            ip = next;
                            continue 'instrs;
                        }
                        Err(v) => v,
                    };
                    tri!(crate::attr::setattr(owner.as_ref(), name, Some(v.as_ref())));
                    if specialize::should_specialise(ic) {
                        specialize::specialise_store_attr(ic, owner.as_ref(), name);
                    }
                    ip = next;
                }
                DELETE_ATTR => {
                    let owner = pop!();
                    let name = code.names[oparg as usize].as_ref();
                    tri!(crate::attr::setattr(owner.as_ref(), name, None));
                }
                LOAD_SUPER_ATTR => {
                    let next = next!(LOAD_SUPER_ATTR);
                    let self_ = pop!();
                    let class = pop!();
                    let sup = pop!();
                    let ic = &code.ic[ip - 1..next];
                    if crate::builtins::framefns::is_builtin_super(sup.as_ref()) {
                        if let Some(v) = specialize::super_attr_hit(&code.ic, ic, &class, &self_) {
                            // A function or method descriptor: pushed unbound with `self` by
                            // the method form, bound to it by the attribute form.
                            if oparg & 1 != 0 {
                                push!(v);
                                push_slot!(Some(self_));
                            } else {
                                let get = v.type_().slots.descr_get.get().expect("a descriptor");
                                let ty = self_.type_().as_object();
                                push!(tri!(get(v.as_ref(), Some(self_.as_ref()), Some(ty))));
                            }
                            ip = next;
                            continue 'instrs;
                        }
                        if specialize::should_specialise(ic) {
                            let name = code.names[(oparg >> 2) as usize].as_ref();
                            specialize::specialise_super_attr(
                                &code.ic,
                                ic,
                                class.as_ref(),
                                self_.as_ref(),
                                name,
                            );
                        }
                    }
                    let name = code.names[(oparg >> 2) as usize].as_ref();
                    let (v, s) = tri!(load_super_attr(&sup, &class, self_, name, oparg & 1 != 0));
                    push!(v);
                    if oparg & 1 != 0 {
                        push_slot!(s);
                    }
                    ip = next;
                }
                LOAD_SPECIAL => {
                    let owner = pop!();
                    let (m, s) = tri!(load_special(owner, oparg));
                    push!(m);
                    push_slot!(s);
                }
                POP_TOP => drop(pop_opt!()),
                PUSH_NULL => push_slot!(None),
                COPY => {
                    let v = slot!(oparg).clone();
                    push_slot!(v);
                }
                SWAP => {
                    // SAFETY: docs/vm.md, "The loop cursor": both slots are in this frame's
                    // stack (`2 <= oparg <= depth`); swapping moves no ownership out.
                    unsafe { std::ptr::swap(sp.sub(1), sp.sub(oparg as usize)) }
                }
                END_FOR | POP_ITER => drop(pop_opt!()),
                END_SEND => {
                    let v = pop!();
                    drop(pop_opt!());
                    push!(v);
                }
                UNARY_NEGATIVE => {
                    let v = pop!();
                    push!(tri!(ops::unary_op(v.as_ref(), ops::UnaryOp::Neg)))
                }
                UNARY_INVERT => {
                    let v = pop!();
                    stack.frames[fi].lasti = lasti; // `~bool` warns from this line
                    push!(tri!(ops::unary_op(v.as_ref(), ops::UnaryOp::Invert)))
                }
                UNARY_NOT => {
                    let v = pop!();
                    push!(py_bool(!tri!(ops::is_true(v.as_ref()))))
                }
                TO_BOOL => {
                    let next = next!(TO_BOOL);
                    let v = pop!();
                    // bool, int, None, list and str without a slot call (CPython's TO_BOOL_*).
                    let r = match to_bool_fast(v.as_ref()) {
                        Some(r) => r,
                        None => tri!(ops::is_true(v.as_ref())),
                    };
                    drop(v);
                    bool_result!(r, next)
                }
                BINARY_OP => {
                    let next = next!(BINARY_OP);
                    let b = pop!();
                    let a = pop!();
                    // Tagged ints and floats, list/tuple/dict subscripts: without leaving the
                    // loop (no slots; no allocation for tagged ints, none for a float result
                    // when an operand float dies here).
                    if oparg == fastops::NB_SUBSCR {
                        if let Some(r) = fastops::subscr(a.as_ref(), b.as_ref()) {
                            push!(tri!(r));
                            ip = next;
                            continue 'instrs;
                        }
                    } else if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
                        if let Some(v) = fastops::binary_int(x, y, oparg) {
                            push!(v);
                            ip = next;
                            continue 'instrs;
                        }
                    } else if let Some(r) = fastops::binary_float(a.as_ref(), b.as_ref(), oparg) {
                        push!(fastops::float_result(a, b, r));
                        ip = next;
                        continue 'instrs;
                    }
                    // `s += t; STORE_FAST s` on strs: appended in place when `s` is only there.
                    let a = if oparg == 13
                        && is_exact_str(a.as_ref())
                        && units.get(next).is_some_and(|u| u.op == STORE_FAST)
                    {
                        let target = &mut local!(units[next].arg);
                        match crate::types::str_build::inplace_concat_for_store(
                            a,
                            b.as_ref(),
                            target,
                        ) {
                            Ok(r) => {
                                push!(tri!(r));
                                ip = next;
                                continue 'instrs;
                            }
                            Err(a) => a,
                        }
                    } else {
                        a
                    };
                    let r = if oparg == 26 {
                        ops::getitem(a.as_ref(), b.as_ref())
                    } else if oparg % 13 == 4 {
                        matmul(a.as_ref(), b.as_ref(), oparg >= 13)
                    } else {
                        binary_op(
                            a.as_ref(),
                            b.as_ref(),
                            bin_op(oparg).expect("operator"),
                            oparg >= 13,
                        )
                    };
                    push!(tri!(r));
                    ip = next;
                }
                COMPARE_OP => {
                    let next = next!(COMPARE_OP);
                    let b = pop!();
                    let a = pop!();
                    let cmp = CMP[(oparg >> 5) as usize];
                    if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
                        bool_result!(cmp.matches(x.cmp(&y)), next)
                    }
                    if let Some(r) = fastops::compare(a.as_ref(), b.as_ref(), cmp) {
                        drop(a);
                        drop(b);
                        bool_result!(r, next)
                    }
                    if oparg & 16 != 0 {
                        push!(py_bool(tri!(ops::rich_compare_bool(a.as_ref(), b.as_ref(), cmp))))
                    } else {
                        push!(tri!(ops::rich_compare(a.as_ref(), b.as_ref(), cmp)))
                    }
                    ip = next;
                }
                IS_OP => {
                    let b = pop!();
                    let a = pop!();
                    let r = a.is(&b) != (oparg == 1);
                    drop(a);
                    drop(b);
                    bool_result!(r, ip)
                }
                CONTAINS_OP => {
                    let next = next!(CONTAINS_OP);
                    let b = pop!();
                    let a = pop!();
                    let r = tri!(fastops::contains(b.as_ref(), a.as_ref()));
                    drop(a);
                    drop(b);
                    bool_result!(r != (oparg == 1), next)
                }
                BINARY_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let container = pop!();
                    if let Some(r) = crate::types::list::exact_list_slice(
                        container.as_ref(),
                        start.as_ref(),
                        stop.as_ref(),
                    ) {
                        push!(r);
                        continue 'instrs;
                    }
                    let s = new_slice(start, stop, none());
                    push!(tri!(ops::getitem(container.as_ref(), s.as_ref())))
                }
                STORE_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let container = pop!();
                    let v = pop!();
                    let v = match crate::types::list::exact_list_store_slice(
                        container.as_ref(),
                        start.as_ref(),
                        stop.as_ref(),
                        v,
                    ) {
                        Ok(()) => continue 'instrs,
                        Err(v) => v,
                    };
                    let s = new_slice(start, stop, none());
                    let v = tri!(slice_value(container.as_ref(), s.as_ref(), v));
                    tri!(ops::setitem(container.as_ref(), s.as_ref(), Some(v.as_ref())));
                }
                STORE_SUBSCR => {
                    let next = next!(STORE_SUBSCR);
                    let key = pop!();
                    let container = pop!();
                    let v = pop!();
                    let v = match fastops::store_subscr_list(container.as_ref(), key.as_ref(), v) {
                        Ok(()) => {
                            ip = next;
                            continue 'instrs;
                        }
                        Err(v) => v,
                    };
                    // An exact dict (CPython's STORE_SUBSCR_DICT): no slot call.
                    if !container.as_ref().is_small_int()
                        && std::ptr::eq(container.type_(), &crate::types::dict::DICT_TYPE.0)
                        && let Some(d) = as_dict(container.as_ref())
                    {
                        tri!(d.set_item(key, v));
                        ip = next;
                        continue 'instrs;
                    }
                    let v = tri!(slice_value(container.as_ref(), key.as_ref(), v));
                    tri!(ops::setitem(container.as_ref(), key.as_ref(), Some(v.as_ref())));
                    ip = next;
                }
                DELETE_SUBSCR => {
                    let key = pop!();
                    let container = pop!();
                    tri!(ops::setitem(container.as_ref(), key.as_ref(), None));
                }
                BUILD_SLICE => {
                    let step = if oparg == 3 { pop!() } else { none() };
                    let stop = pop!();
                    let start = pop!();
                    push!(new_slice(start, stop, step))
                }
                BUILD_TUPLE => {
                    let items = take_n(&mut sp, oparg as usize);
                    push!(new_tuple(items))
                }
                BUILD_LIST => {
                    let items = take_n(&mut sp, oparg as usize);
                    push!(new_list(items))
                }
                BUILD_SET => {
                    let items = take_n(&mut sp, oparg as usize);
                    push!(tri!(new_set(items)))
                }
                BUILD_MAP => {
                    let items = take_n(&mut sp, 2 * oparg as usize);
                    let d = new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tri!(as_dict(d.as_ref()).expect("dict").set_item(k, v));
                    }
                    push!(d)
                }
                BUILD_STRING => {
                    let items = take_n(&mut sp, oparg as usize);
                    push!(tri!(concat_strings(&items)))
                }
                BUILD_INTERPOLATION => {
                    let spec = if oparg & 1 != 0 { Some(pop!()) } else { None };
                    let expr = pop!();
                    let v = pop!();
                    push!(crate::types::template::build_interpolation(v, expr, spec, oparg))
                }
                BUILD_TEMPLATE => {
                    let interps = pop!();
                    let strings = pop!();
                    push!(crate::types::template::new_template(strings, interps))
                }
                LIST_APPEND => {
                    let v = pop!();
                    as_list(peek!(oparg as usize).as_ref()).expect("list").append(v);
                }
                SET_ADD => {
                    let v = pop!();
                    tri!(as_set(peek!(oparg as usize).as_ref()).expect("set").add(v));
                }
                MAP_ADD => {
                    let v = pop!();
                    let k = pop!();
                    tri!(as_dict(peek!(oparg as usize).as_ref()).expect("dict").set_item(k, v));
                }
                LIST_EXTEND => {
                    let v = pop!();
                    let l = peek!(oparg as usize).clone();
                    tri!(list_extend(l.as_ref(), v.as_ref()));
                }
                SET_UPDATE => {
                    let v = pop!();
                    let s = peek!(oparg as usize).clone();
                    tri!(as_set(s.as_ref()).expect("set").update_from(v.as_ref()));
                }
                DICT_UPDATE | DICT_MERGE => {
                    let v = pop!();
                    let d = peek!(oparg as usize).clone();
                    // DICT_MERGE is `f(**x)`: below the dict are the positional
                    // arguments, `self_or_null` and the callable, named in errors.
                    let callable = if op == DICT_MERGE { slot!(oparg + 3).clone() } else { None };
                    tri!(dict_update(d.as_ref(), v.as_ref(), callable.as_ref()));
                }
                UNPACK_SEQUENCE => {
                    let next = next!(UNPACK_SEQUENCE);
                    let seq = pop!();
                    // SAFETY: docs/vm.md, "The loop cursor": `UNPACK_SEQUENCE n` pushes `n`
                    // values, within the frame's reserved room.
                    if let Some(top) =
                        unsafe { fastops::unpack_exact(seq.as_ref(), oparg as usize, sp) }
                    {
                        sp = top;
                        ip = next;
                        continue 'instrs;
                    }
                    let items = tri!(unpack(seq.as_ref(), oparg as usize, None));
                    for v in items.into_iter().rev() {
                        push!(v);
                    }
                    ip = next;
                }
                UNPACK_EX => {
                    let seq = pop!();
                    let before = (oparg & 0xff) as usize;
                    let after = (oparg >> 8) as usize;
                    let items = tri!(unpack(seq.as_ref(), before, Some(after)));
                    for v in items.into_iter().rev() {
                        push!(v);
                    }
                }
                MATCH_MAPPING => {
                    let r = super::matching::is_mapping(peek!(1).as_ref());
                    push!(py_bool(r))
                }
                MATCH_SEQUENCE => {
                    let r = super::matching::is_sequence(peek!(1).as_ref());
                    push!(py_bool(r))
                }
                MATCH_KEYS => {
                    let keys = peek!(1).clone();
                    let subject = peek!(2).clone();
                    let r = tri!(super::matching::match_keys(subject.as_ref(), keys.as_ref()));
                    push!(r.unwrap_or_else(none))
                }
                MATCH_CLASS => {
                    let names = pop!();
                    let cls = pop!();
                    let subject = pop!();
                    let r = tri!(super::matching::match_class(
                        subject.as_ref(),
                        cls.as_ref(),
                        oparg as usize,
                        names.as_ref()
                    ));
                    push!(r.unwrap_or_else(none))
                }
                GET_ITER => {
                    let v = pop!();
                    push!(tri!(ops::iter(v.as_ref())))
                }
                GET_LEN => {
                    let n = tri!(ops::len(peek!(1).as_ref()));
                    push!(new_int_i64(n as i64))
                }
                FOR_ITER => {
                    let next = next!(FOR_ITER);
                    // The iterator stays owned by the value stack, which nothing else pops
                    // while `next` runs (a Python `__next__` runs in its own activation).
                    let it = peek!(1).as_ref();
                    // `range` iterators and generators without the slot's indirect call
                    // (CPython's FOR_ITER_RANGE, FOR_ITER_GEN).
                    let r = if std::ptr::eq(it.type_(), &crate::types::range::RANGE_ITER_TYPE.0) {
                        crate::types::range::iter_next(it)
                    } else if let Some(r) = crate::types::iter::list_tuple_next(it) {
                        r
                    } else if let Some(g) = crate::types::generator::as_generator(it) {
                        // Python code runs: the frame reports the `FOR_ITER`'s line.
                        stack.frames[fi].lasti = lasti;
                        crate::types::generator::next_of(g)
                    } else {
                        stack.frames[fi].lasti = lasti;
                        ops::next(it)
                    };
                    match tri!(r) {
                        Some(v) => push!(v),
                        None => {
                            ip = next + oparg as usize + 1;
                            continue 'instrs;
                        }
                    }
                    ip = next;
                }
                JUMP_FORWARD => {
                    ip += oparg as usize;
                    continue 'instrs;
                }
                JUMP_BACKWARD => {
                    ip = next!(JUMP_BACKWARD) - oparg as usize;
                    tri!(eval_breaker());
                    continue 'instrs;
                }
                JUMP_BACKWARD_NO_INTERRUPT => {
                    ip -= oparg as usize;
                    continue 'instrs;
                }
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                    let next = next!(POP_JUMP_IF_FALSE);
                    let v = pop!();
                    let t = match crate::types::bool::bool_value(v.as_ref()) {
                        Some(b) => b,
                        None => tri!(ops::is_true(v.as_ref())),
                    };
                    if t == (op == POP_JUMP_IF_TRUE) {
                        ip = next + oparg as usize;
                        continue 'instrs;
                    }
                    // SAFETY: docs/vm.md, "The code-unit bound": `next` starts an instruction.
                    ip = next + (unsafe { units.get_unchecked(next) }.op == NOT_TAKEN) as usize;
                    continue 'instrs;
                }
                POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => {
                    let next = next!(POP_JUMP_IF_NONE);
                    let v = pop!();
                    if is_none(v.as_ref()) == (op == POP_JUMP_IF_NONE) {
                        ip = next + oparg as usize;
                        continue 'instrs;
                    }
                    // SAFETY: docs/vm.md, "The code-unit bound": `next` starts an instruction.
                    ip = next + (unsafe { units.get_unchecked(next) }.op == NOT_TAKEN) as usize;
                    continue 'instrs;
                }
                MAKE_FUNCTION => {
                    let c = pop!();
                    let frame = &stack.frames[fi];
                    push!(new_function(c, frame.globals.clone(), frame.builtins.clone()))
                }
                SET_FUNCTION_ATTRIBUTE => {
                    let func = pop!();
                    let attr = pop!();
                    set_function_attribute(func.as_ref(), oparg, attr);
                    push!(func)
                }
                LOAD_BUILD_CLASS => {
                    let frame = &stack.frames[fi];
                    let v = tri!(load_global(
                        &frame.builtins,
                        &frame.builtins,
                        crate::types::str::intern("__build_class__").as_ref()
                    ));
                    push!(v)
                }
                CALL | CALL_KW => {
                    let next = next!(CALL);
                    if op == CALL {
                        let fr = &mut stack.frames[fi];
                        fr.lasti = lasti;
                        fr.ip = next;
                        sync!();
                        let r = super::call::push_exact_args(stack, oparg as usize);
                        if let Ok(true) = r {
                            continue 'frames;
                        }
                        // `C(...)` with a cached Python `__init__`: its frame, in place (attrs).
                        let r = match r {
                            Ok(false) => super::typecall::push_init_exact(
                                stack,
                                oparg as usize,
                                &code.ic[ip - 1..next],
                            ),
                            r => r,
                        };
                        if let Ok(true) = r {
                            continue 'frames;
                        }
                        reload!();
                        tri!(r);
                    }
                    let kwnames = if op == CALL_KW {
                        // A Python function without `*args`/`**kwargs` gets its keyword
                        // arguments bound straight into its new frame's slots.
                        let k = pop!();
                        stack.frames[fi].lasti = lasti;
                        stack.frames[fi].ip = next;
                        sync!();
                        let kwn = tuple_items(k.as_ref()).unwrap_or(&[]);
                        let r = super::call::push_kw_args(stack, oparg as usize, kwn);
                        if let Ok(true) = r {
                            continue 'frames;
                        }
                        reload!();
                        tri!(r);
                        Some(k)
                    } else {
                        None
                    };
                    // The arguments (after `self_or_null`, when it is not NULL: CPython then
                    // calls with it as the first argument) move into a reused buffer: no
                    // allocation per call.
                    let mut args = std::mem::take(&mut stack.scratch);
                    let bound = slot!(oparg + 1).is_some();
                    // SAFETY: docs/vm.md, "The loop cursor": the arguments (and `self`) are the
                    // top values of this frame's stack.
                    sp = unsafe { move_top_to(sp, oparg as usize + bound as usize, &mut args) };
                    if !bound {
                        drop(pop_opt!());
                    }
                    let callable = pop!();
                    stack.frames[fi].lasti = lasti;
                    stack.frames[fi].ip = next;
                    sync!();
                    let r = call_value(
                        stack,
                        callable,
                        bound,
                        &args,
                        kwnames.as_ref().map(|k| k.as_ref()),
                        Some(&code.ic[ip - 1..next]),
                    );
                    args.clear();
                    stack.scratch = args;
                    if let Ok(None) = r {
                        continue 'frames;
                    }
                    reload!();
                    if let Some(v) = tri!(r) {
                        push!(v)
                    }
                    ip = next;
                }
                CALL_FUNCTION_EX => {
                    let kwargs = pop_opt!();
                    let callargs = pop!();
                    drop(pop_opt!());
                    let callable = pop!();
                    let (args, kwnames) = tri!(ex_call_args(callable.as_ref(), callargs, kwargs));
                    stack.frames[fi].lasti = lasti;
                    stack.frames[fi].ip = ip;
                    sync!();
                    let r = call_value(
                        stack,
                        callable,
                        false,
                        &args,
                        kwnames.as_ref().map(|k| k.as_ref()),
                        None,
                    );
                    if let Ok(None) = r {
                        continue 'frames;
                    }
                    reload!();
                    if let Some(v) = tri!(r) {
                        push!(v)
                    }
                }
                CALL_INTRINSIC_1 => {
                    let v = pop!();
                    let frame = &stack.frames[fi];
                    let locals = frame.locals.clone();
                    push!(tri!(intrinsic_1(oparg, v, locals.as_ref(), code.flags())))
                }
                CALL_INTRINSIC_2 => {
                    let b = pop!();
                    let a = pop!();
                    push!(tri!(intrinsic_2(oparg, a, b)))
                }
                FORMAT_SIMPLE => {
                    let v = pop!();
                    push!(tri!(format_value(v.as_ref(), None)))
                }
                FORMAT_WITH_SPEC => {
                    let spec = pop!();
                    let v = pop!();
                    push!(tri!(format_value(v.as_ref(), Some(spec.as_ref()))))
                }
                CONVERT_VALUE => {
                    let v = pop!();
                    push!(tri!(convert_value(v.as_ref(), oparg)))
                }
                IMPORT_NAME => {
                    let fromlist = pop!();
                    let level = pop!();
                    let name = code.names[oparg as usize].clone();
                    let frame = &stack.frames[fi];
                    let (b, g, l) =
                        (frame.builtins.clone(), frame.globals.clone(), frame.locals.clone());
                    push!(tri!(crate::import::import_name(
                        &b,
                        &g,
                        l.as_ref(),
                        name.as_ref(),
                        fromlist.as_ref(),
                        level.as_ref()
                    )))
                }
                IMPORT_FROM => {
                    let name = code.names[oparg as usize].as_ref();
                    let m = peek!(1).clone();
                    push!(tri!(crate::import::import_from(m.as_ref(), name)))
                }
                RETURN_VALUE => {
                    let v = pop!();
                    sync!();
                    let (fbase, is_init) = {
                        let frame = &stack.frames[fi];
                        (frame.base, frame.is_init)
                    };
                    stack.values.truncate(fbase);
                    // The record is dropped in place (its locals went first, as before).
                    stack.frames.truncate(fi);
                    super::leave_frame();
                    if stack.frames.is_empty() {
                        return Ok(v);
                    }
                    // The `__init__` of a `C(...)` call: the caller gets the instance.
                    if is_init && let Some(instance) = stack.take_init_instance() {
                        if !is_none(v.as_ref()) {
                            let err = PyErr::type_error(format!(
                                "__init__() should return None, not '{}'",
                                v.type_().name()
                            ));
                            pending = Some(Raised { err, reraise: false, at: None });
                            continue 'frames;
                        }
                        push_returned(&mut stack.values, instance);
                        continue 'frames;
                    }
                    push_returned(&mut stack.values, v);
                    continue 'frames;
                }
                RAISE_VARARGS => {
                    let cause = if oparg >= 2 { Some(pop!()) } else { None };
                    let exc = if oparg >= 1 { Some(pop!()) } else { None };
                    match exc {
                        None => match super::current_exception() {
                            Some(e) => {
                                stack.frames[fi].lasti = lasti;
                                break 'instrs Raised {
                                    err: PyErr::from_instance(e),
                                    reraise: true,
                                    at: None,
                                };
                            }
                            None => raise!(PyErr::new(
                                &crate::types::exceptions::RUNTIME_ERROR,
                                "No active exception to reraise"
                            )),
                        },
                        Some(exc) => {
                            let err = tri!(make_raise(exc, cause));
                            set_context(&err);
                            raise!(err)
                        }
                    }
                }
                RERAISE => {
                    let exc = pop!();
                    if oparg != 0
                        && let Some(i) = peek!(oparg as usize).small_int()
                    {
                        stack.frames[fi].lasti = i as usize;
                    } else {
                        stack.frames[fi].lasti = lasti;
                    }
                    break 'instrs Raised {
                        err: PyErr::from_instance(exc),
                        reraise: true,
                        at: Some(lasti),
                    };
                }
                PUSH_EXC_INFO => {
                    let exc = pop!();
                    let prev = super::set_current_exception(Some(exc.clone()));
                    push!(prev.unwrap_or_else(none));
                    push!(exc)
                }
                POP_EXCEPT => {
                    let v = pop!();
                    let restored = if is_none(v.as_ref()) { None } else { Some(v) };
                    let old = super::set_current_exception(restored);
                    drop(old);
                }
                CHECK_EG_MATCH => {
                    let t = pop!();
                    let exc = pop!();
                    stack.frames[fi].lasti = lasti;
                    let here = TracebackEntry::new(
                        code_obj.to_owned(),
                        lasti as u32,
                        stack.frames[fi].globals.clone(),
                    );
                    let (rest, m) = tri!(crate::types::exception_group::check_eg_match(
                        exc.as_ref(),
                        t.as_ref(),
                        here
                    ));
                    if !is_none(m.as_ref()) {
                        let old = super::set_current_exception(Some(m.clone()));
                        drop(old);
                    }
                    push!(rest);
                    push!(m)
                }
                CHECK_EXC_MATCH => {
                    let right = pop!();
                    let r = exception_matches(peek!(1).as_ref(), right.as_ref());
                    drop(right);
                    // Feeds the `POP_JUMP_IF_FALSE` that follows directly.
                    bool_result!(tri!(r), ip)
                }
                WITH_EXCEPT_START => {
                    let val = slot!(1).clone().expect("exception");
                    let exit_self = slot!(4).clone();
                    let exit_func = slot!(5).clone().expect("__exit__");
                    let ty = val.as_ref().type_().as_object().to_owned();
                    let tb = crate::types::traceback_obj::traceback_of(val.as_ref());
                    let mut args = Vec::with_capacity(4);
                    args.extend(exit_self);
                    args.extend([ty, val, tb]);
                    stack.frames[fi].lasti = lasti;
                    push!(tri!(ops::call(exit_func.as_ref(), &args, None)))
                }
                SETUP_ANNOTATIONS => {
                    let Some(locals) = stack.frames[fi].locals.clone() else {
                        tri!(Err(PyErr::new(
                            &crate::types::exceptions::SYSTEM_ERROR,
                            "no locals found when setting up annotations",
                        )))
                    };
                    let key = crate::types::str::intern("__annotations__");
                    if tri!(mapping_get(locals.as_ref(), key.as_ref())).is_none() {
                        tri!(mapping_set(locals.as_ref(), key.as_ref(), Some(new_dict().as_ref())));
                    }
                }
                RETURN_GENERATOR => {
                    sync!();
                    let mut frame = stack.frames.pop().expect("frame");
                    // The frame moves to a stack of its own, which the generator keeps.
                    let mut own = FrameStack::take();
                    own.values.extend(stack.values.drain(frame.base..));
                    frame.base = 0;
                    frame.ip = ip;
                    frame.lasti = lasti;
                    own.frames.push(frame);
                    super::leave_frame();
                    let g = crate::types::generator::new_generator(crate::frame::SuspendedFrame {
                        stack: own,
                    });
                    if stack.frames.is_empty() {
                        return Ok(g);
                    }
                    push_returned(&mut stack.values, g);
                    continue 'frames;
                }
                YIELD_VALUE => {
                    let v = pop!();
                    sync!();
                    debug_assert_eq!(stack.frames.len(), 1, "a generator frame runs alone");
                    // The frame stays on its stack (the generator's own), ready to resume.
                    let frame = &mut stack.frames[fi];
                    frame.ip = ip;
                    frame.lasti = lasti;
                    super::leave_frame();
                    stack.yielded = true;
                    return Ok(v);
                }
                GET_YIELD_FROM_ITER => {
                    let v = pop!();
                    if crate::types::coroutine::as_coroutine(v.as_ref()).is_some() {
                        let flags = code.flags();
                        let co = taipan_bytecode::code::CO_COROUTINE
                            | taipan_bytecode::code::CO_ITERABLE_COROUTINE;
                        if flags & co == 0 {
                            raise!(PyErr::type_error(
                                "cannot 'yield from' a coroutine object in a non-coroutine \
                             generator"
                            ));
                        }
                        push!(v)
                    } else if crate::types::generator::as_generator(v.as_ref()).is_some() {
                        push!(v)
                    } else {
                        push!(tri!(ops::iter(v.as_ref())))
                    }
                }
                SEND => {
                    let next = next!(SEND);
                    let v = pop!();
                    // The receiver stays owned by the value stack, which nothing else pops
                    // while it runs (as `FOR_ITER`'s iterator).
                    let receiver = peek!(1).as_ref();
                    stack.frames[fi].lasti = lasti;
                    match tri!(crate::types::generator::send_to(receiver, v)) {
                        crate::types::generator::Sent::Yielded(r) => push!(r),
                        crate::types::generator::Sent::Returned(r) => {
                            push!(r);
                            ip = next + oparg as usize;
                            continue 'instrs;
                        }
                    }
                    ip = next;
                }
                GET_AWAITABLE => {
                    let v = pop!();
                    push!(tri!(crate::types::coroutine::get_awaitable(v.as_ref(), oparg)))
                }
                GET_AITER => {
                    let v = pop!();
                    push!(tri!(crate::types::coroutine::get_aiter(v.as_ref())))
                }
                GET_ANEXT => {
                    let aiter = peek!(1).clone();
                    push!(tri!(crate::types::coroutine::get_anext(aiter.as_ref())))
                }
                END_ASYNC_FOR => {
                    let exc = pop!();
                    if exc.type_().is_subtype(&crate::types::exceptions::STOP_ASYNC_ITERATION.0) {
                        drop(pop_opt!());
                    } else {
                        stack.frames[fi].lasti = lasti;
                        break 'instrs Raised {
                            err: PyErr::from_instance(exc),
                            reraise: true,
                            at: Some(lasti),
                        };
                    }
                }
                CLEANUP_THROW => {
                    let exc = pop!();
                    if exc.type_().is_subtype(&crate::types::exceptions::STOP_ITERATION.0) {
                        let e = PyErr::from_instance(exc);
                        let value = crate::types::generator::stop_iteration_value(&e);
                        drop(pop_opt!());
                        drop(pop_opt!());
                        push!(none());
                        push!(value)
                    } else {
                        stack.frames[fi].lasti = lasti;
                        break 'instrs Raised {
                            err: PyErr::from_instance(exc),
                            reraise: true,
                            at: Some(lasti),
                        };
                    }
                }
                RESERVED => raise!(PyErr::new(
                    &crate::types::exceptions::SYSTEM_ERROR,
                    "code ran past its last instruction"
                )),
                _ => raise!(PyErr::new(
                    &crate::types::exceptions::NOT_IMPLEMENTED_ERROR,
                    format!(
                        "opcode {} is not supported by Taipan's VM yet",
                        taipan_bytecode::opcode::name(op as u16).unwrap_or("?")
                    )
                )),
            }
            #[cfg(debug_assertions)]
            debug_assert_eq!(ip, expected_next, "{} left ip off its next instruction", op);
        };
        sync!();
        stack.frames[fi].ip = ip;
        pending = Some(raised);
    }
}

/// Pushes `init` (a class's Python `__init__`) as a frame of this activation on the new
/// `instance`; its `RETURN_VALUE` gives the caller the instance (`is_init`).
fn push_init_frame(
    stack: &mut FrameStack,
    init: &Object,
    instance: Object,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
) -> PyResult<()> {
    super::call::push_function_frame(stack, init.as_ref(), Some(instance.clone()), args, kwnames)?;
    stack.init_frames.push((stack.frames.len() - 1, instance));
    stack.frames.last_mut().expect("frame").is_init = true;
    Ok(())
}

/// Calls `callable` for `CALL`: a Python function (or a method bound to one) gets a new frame on
/// `stack` and `Ok(None)` is returned so the loop switches to it; anything else is called
/// natively and its result returned. `bound`: `args[0]` came from `self_or_null` (the method
/// form of `LOAD_ATTR`), so a bound method is not unpacked and a class call is not cached.
fn call_value(
    stack: &mut FrameStack,
    callable: Object,
    bound: bool,
    args: &[Object],
    kwnames: Option<ObjectRef<'_>>,
    ic: Option<&specialize::Ic>,
) -> PyResult<Option<Object>> {
    if let Some(r) = crate::types::function::call_native(callable.as_ref(), args, kwnames) {
        return r.map(Some);
    }
    if as_function(callable.as_ref()).is_some() {
        super::call::push_function_frame(stack, callable.as_ref(), None, args, kwnames)?;
        return Ok(None);
    }
    if !bound
        && let Some(m) = as_method(callable.as_ref())
        && as_function(m.func.as_ref()).is_some()
    {
        let (f, s) = (m.func.clone(), m.self_.clone());
        super::call::push_function_frame(stack, f.as_ref(), Some(s), args, kwnames)?;
        return Ok(None);
    }
    let init = match ic {
        _ if bound => None,
        Some(ic) => match specialize::class_init_hit(ic, callable.as_ref()) {
            Some(init) => Some(init),
            None => {
                let init = specialize::python_init(callable.as_ref())?;
                if as_type_obj(callable.as_ref()) && specialize::should_specialise(ic) {
                    specialize::specialise_class_init(ic, callable.as_ref(), init.as_ref());
                }
                init
            }
        },
        None => specialize::python_init(callable.as_ref())?,
    };
    if let Some(init) = init {
        let ty = crate::types::typeobject::as_type(callable.as_ref()).expect("a type");
        let instance =
            crate::types::typeattrs::object_new_instance(ty)?.expect("an instance layout");
        push_init_frame(stack, &init, instance, args, kwnames)?;
        return Ok(None);
    }
    // A Python exception class with its own `__init__`: the instance, then `__init__` as a frame
    // of this activation.
    if !bound
        && let Some((instance, init)) =
            super::call::exception_init(callable.as_ref(), args, kwnames)?
    {
        push_init_frame(stack, &init, instance, args, kwnames)?;
        return Ok(None);
    }
    // Only built-in functions and `super` read their caller's frame: other callables skip the
    // registry search.
    if let Some(ff) = crate::builtins::framefns::frame_fn(callable.as_ref()) {
        let frame = stack.frames.last().expect("frame");
        let code = as_code(frame.code.as_ref()).expect("code");
        let ctx = crate::builtins::framefns::FrameCtx {
            globals: &frame.globals,
            builtins: &frame.builtins,
            locals: frame.locals.as_ref(),
            code,
            fast: &stack.values[frame.base..frame.base + code.nlocalsplus],
        };
        let r = ff(Some(&ctx), args, kwnames)?;
        if crate::trace::on() {
            // A hook may have been set (`sys.settrace`): the result goes on the stack and the
            // loop makes a frame switch, where it changes instances (docs/vm.md, "Tracing").
            push_returned(&mut stack.values, r);
            return Ok(None);
        }
        return Ok(Some(r));
    }
    ops::call(callable.as_ref(), args, kwnames).map(Some)
}

/// Adds a "Did you mean" hint to a NameError raised for `name` in frame `fi`.
fn name_hint(
    e: &PyErr,
    name: ObjectRef<'_>,
    stack: &FrameStack,
    fi: usize,
    code: &crate::types::code::CodePayload,
) {
    if !e.matches(&crate::types::exceptions::NAME_ERROR) {
        return;
    }
    let frame = &stack.frames[fi];
    let mut locals = Vec::new();
    if frame.locals.is_none() {
        for (i, n) in code.localsplusnames.iter().enumerate() {
            if stack.values[frame.base + i].is_some() {
                locals.push(
                    crate::types::str::Str::new(n.as_ref())
                        .map(|s| s.to_string_lossy())
                        .unwrap_or_default(),
                );
            }
        }
    } else if let Some(l) = &frame.locals
        && let Some(d) = as_dict(l.as_ref())
    {
        for k in d.keys() {
            if let Some(s) = crate::types::str::Str::new(k.as_ref()) {
                locals.push(s.to_string_lossy());
            }
        }
    }
    let n = crate::types::str::Str::new(name).map(|s| s.to_string_lossy()).unwrap_or_default();
    super::suggestions::name_error_hint(e, &n, locals, &frame.globals, &frame.builtins);
}

/// Takes the top `n` values off the loop's value stack, in order, moving the cursor down.
#[inline]
fn take_n(sp: &mut *mut Option<Object>, n: usize) -> Vec<Object> {
    let mut out = Vec::with_capacity(n);
    // SAFETY: docs/vm.md, "The loop cursor": the loop only takes values its frame's stack holds.
    *sp = unsafe { move_top_to(*sp, n, &mut out) };
    out
}

/// Moves the `n` values below the cursor `sp` (none of them NULL) onto the end of `out`, in
/// stack order, and returns the lowered cursor.
///
/// # Safety
/// The `n` slots below `sp` hold initialised values owned by the cursor (docs/vm.md, "The loop
/// cursor"); they are read exactly once, and the caller continues with the returned cursor.
#[inline]
unsafe fn move_top_to(
    sp: *mut Option<Object>,
    n: usize,
    out: &mut Vec<Object>,
) -> *mut Option<Object> {
    out.reserve(n);
    // SAFETY: see the function's contract.
    unsafe {
        let from = sp.sub(n);
        for i in 0..n {
            out.push(from.add(i).read().expect("NULL argument"));
        }
        from
    }
}

/// Pushes a callee's result (or a new generator) on its caller's value stack, after the callee's
/// frame was popped and `values` truncated to its base.
#[inline]
fn push_returned(values: &mut Vec<Option<Object>>, v: Object) {
    let len = values.len();
    debug_assert!(len < values.capacity(), "value stack overflow");
    if len == values.capacity() {
        values.push(Some(v));
        return;
    }
    // SAFETY: checked above that slot `len` is within the capacity.
    unsafe {
        values.as_mut_ptr().add(len).write(Some(v));
        values.set_len(len + 1);
    }
}

/// `TO_BOOL` of a bool, tagged int, None, exact list or exact str (no slot call, no Python code).
#[inline]
fn to_bool_fast(v: ObjectRef<'_>) -> Option<bool> {
    if let Some(i) = v.small_int() {
        return Some(i != 0);
    }
    if let Some(b) = crate::types::bool::bool_value(v) {
        return Some(b);
    }
    if is_none(v) {
        return Some(false);
    }
    let ty = v.type_();
    if std::ptr::eq(ty, &crate::types::list::LIST_TYPE.0) {
        return as_list(v).map(|l| l.len() != 0);
    }
    if std::ptr::eq(ty, &crate::types::str::STR_TYPE.0) {
        return crate::types::str::Str::new(v).map(|s| s.len() != 0);
    }
    None
}

/// Whether `o` is an exact `str` (not a subclass).
#[inline]
fn is_exact_str(o: ObjectRef<'_>) -> bool {
    !o.is_small_int() && std::ptr::eq(o.type_(), &crate::types::str::STR_TYPE.0)
}

fn as_type_obj(o: ObjectRef<'_>) -> bool {
    crate::types::typeobject::as_type(o).is_some()
}

/// A frame's locals mapping for `STORE_NAME`/`DELETE_NAME`; CPython's SystemError when the
/// frame has none.
fn frame_locals(locals: Option<&Object>, doing: &str, name: ObjectRef<'_>) -> PyResult<Object> {
    match locals {
        Some(l) => Ok(l.clone()),
        None => Err(PyErr::new(
            &crate::types::exceptions::SYSTEM_ERROR,
            format!("no locals found when {doing} {}", crate::ops::repr_string(name)?),
        )),
    }
}
