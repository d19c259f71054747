//! The `itertools` module: CPython's iterator building blocks (`count`, `cycle`, `repeat`,
//! `accumulate`, `batched`, `chain`, `compress`, `dropwhile`, `filterfalse`, `groupby`,
//! `islice`, `pairwise`, `starmap`, `takewhile`, `tee`, `zip_longest`, `product`,
//! `permutations`, `combinations`, `combinations_with_replacement`).
//!
//! Each iterator is a native iterator (`types::native_iter`) whose closure holds its state;
//! the algorithms (and their argument errors) are CPython's `Modules/itertoolsmodule.c`'s, so
//! the items come out in the same order and lazily in the same places.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::typecall::register_constructor;
use crate::object::{Object, ObjectRef};
use crate::ops::{self, BinOp};
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::new_int_i64;
use crate::types::module::{module_dict, new_module};
use crate::types::native_iter::{native_iter_type, new_native_iter};
use crate::types::singletons::{is_none, none};
use crate::types::tuple::new_tuple;
use crate::types::typeobject::{StaticType, TypeFlags};

use crate::types::native_iter::NATIVE_ITER_BASE;

native_iter_type!(COUNT_TYPE, "itertools.count", &NATIVE_ITER_BASE.0, 1000, TypeFlags::BASETYPE);
native_iter_type!(CYCLE_TYPE, "itertools.cycle", &NATIVE_ITER_BASE.0, 1001, TypeFlags::BASETYPE);
native_iter_type!(REPEAT_TYPE, "itertools.repeat", &NATIVE_ITER_BASE.0, 1002, TypeFlags::BASETYPE);
native_iter_type!(
    ACCUMULATE_TYPE,
    "itertools.accumulate",
    &NATIVE_ITER_BASE.0,
    1003,
    TypeFlags::BASETYPE
);
native_iter_type!(
    BATCHED_TYPE,
    "itertools.batched",
    &NATIVE_ITER_BASE.0,
    1004,
    TypeFlags::BASETYPE
);
native_iter_type!(CHAIN_TYPE, "itertools.chain", &NATIVE_ITER_BASE.0, 1005, TypeFlags::BASETYPE);
native_iter_type!(
    COMPRESS_TYPE,
    "itertools.compress",
    &NATIVE_ITER_BASE.0,
    1006,
    TypeFlags::BASETYPE
);
native_iter_type!(
    DROPWHILE_TYPE,
    "itertools.dropwhile",
    &NATIVE_ITER_BASE.0,
    1007,
    TypeFlags::BASETYPE
);
native_iter_type!(
    FILTERFALSE_TYPE,
    "itertools.filterfalse",
    &NATIVE_ITER_BASE.0,
    1008,
    TypeFlags::BASETYPE
);
native_iter_type!(
    GROUPBY_TYPE,
    "itertools.groupby",
    &NATIVE_ITER_BASE.0,
    1009,
    TypeFlags::BASETYPE
);
native_iter_type!(GROUPER_TYPE, "itertools._grouper", &NATIVE_ITER_BASE.0, 1010);
native_iter_type!(ISLICE_TYPE, "itertools.islice", &NATIVE_ITER_BASE.0, 1011, TypeFlags::BASETYPE);
native_iter_type!(
    PAIRWISE_TYPE,
    "itertools.pairwise",
    &NATIVE_ITER_BASE.0,
    1012,
    TypeFlags::BASETYPE
);
native_iter_type!(
    STARMAP_TYPE,
    "itertools.starmap",
    &NATIVE_ITER_BASE.0,
    1013,
    TypeFlags::BASETYPE
);
native_iter_type!(
    TAKEWHILE_TYPE,
    "itertools.takewhile",
    &NATIVE_ITER_BASE.0,
    1014,
    TypeFlags::BASETYPE
);
native_iter_type!(TEE_TYPE, "itertools._tee", &NATIVE_ITER_BASE.0, 1015);
native_iter_type!(
    ZIP_LONGEST_TYPE,
    "itertools.zip_longest",
    &NATIVE_ITER_BASE.0,
    1016,
    TypeFlags::BASETYPE
);
native_iter_type!(
    PRODUCT_TYPE,
    "itertools.product",
    &NATIVE_ITER_BASE.0,
    1017,
    TypeFlags::BASETYPE
);
native_iter_type!(
    PERMUTATIONS_TYPE,
    "itertools.permutations",
    &NATIVE_ITER_BASE.0,
    1018,
    TypeFlags::BASETYPE
);
native_iter_type!(
    COMBINATIONS_TYPE,
    "itertools.combinations",
    &NATIVE_ITER_BASE.0,
    1019,
    TypeFlags::BASETYPE
);
native_iter_type!(
    CWR_TYPE,
    "itertools.combinations_with_replacement",
    &NATIVE_ITER_BASE.0,
    1020,
    TypeFlags::BASETYPE
);

type Fn3<'a> = (Option<ObjectRef<'a>>, &'a [Object], Option<ObjectRef<'a>>);

fn no_kw(name: &str, a: &Args<'_>) -> PyResult<()> {
    a.no_kw_at_all(name)
}

fn nargs(name: &str, a: &Args<'_>, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name} expected {}{min} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn index_arg(o: ObjectRef<'_>) -> PyResult<isize> {
    ops::index_value(o)?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name()
        ))
    })
}

fn count_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let start_kw = a.take_kw("start").cloned();
    let step_kw = a.take_kw("step").cloned();
    a.no_kw("count")?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "count() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let start = a.pos.first().cloned().or(start_kw).unwrap_or_else(|| new_int_i64(0));
    let step = a.pos.get(1).cloned().or(step_kw).unwrap_or_else(|| new_int_i64(1));
    for v in [&start, &step] {
        if !v.type_().has_flag(crate::types::typeobject::TypeFlags::HEAPTYPE)
            && crate::types::int::int_value(v.as_ref()).is_none()
            && crate::types::float::float_value(v.as_ref()).is_none()
        {
            return Err(PyErr::type_error("a number is required"));
        }
    }
    let mut cur = start;
    Ok(new_native_iter(
        &COUNT_TYPE,
        Box::new(move || {
            let next = ops::binary_op(cur.as_ref(), step.as_ref(), BinOp::Add)?;
            Ok(Some(std::mem::replace(&mut cur, next)))
        }),
    ))
}

fn cycle_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("cycle", &a)?;
    nargs("cycle", &a, 1, 1)?;
    let it = ops::iter(args[0].as_ref())?;
    let mut saved: Vec<Object> = Vec::new();
    let mut first_pass = true;
    let mut index = 0;
    Ok(new_native_iter(
        &CYCLE_TYPE,
        Box::new(move || {
            if first_pass {
                if let Some(v) = ops::next(it.as_ref())? {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                first_pass = false;
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[index].clone();
            index = (index + 1) % saved.len();
            Ok(Some(v))
        }),
    ))
}

fn repeat_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let obj_kw = a.take_kw("object").cloned();
    let times_kw = a.take_kw("times").cloned();
    a.no_kw("repeat")?;
    let obj =
        a.pos.first().cloned().or(obj_kw).ok_or_else(|| {
            PyErr::type_error("repeat() missing required argument 'object' (pos 1)")
        })?;
    let times = match a.pos.get(1).cloned().or(times_kw) {
        None => None,
        Some(t) => Some(index_arg(t.as_ref())?.max(0) as usize),
    };
    let mut left = times;
    Ok(new_native_iter(
        &REPEAT_TYPE,
        Box::new(move || match &mut left {
            None => Ok(Some(obj.clone())),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(obj.clone()))
            }
        }),
    ))
}

fn accumulate_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let it_kw = a.take_kw("iterable").cloned();
    let func_kw = a.take_kw("func").cloned();
    let initial = a.take_kw("initial").cloned().filter(|v| !is_none(v.as_ref()));
    a.no_kw("accumulate")?;
    let src = a.pos.first().cloned().or(it_kw).ok_or_else(|| {
        PyErr::type_error("accumulate() missing required argument 'iterable' (pos 1)")
    })?;
    let func = a.pos.get(1).cloned().or(func_kw).filter(|f| !is_none(f.as_ref()));
    let it = ops::iter(src.as_ref())?;
    let mut total: Option<Object> = None;
    let mut initial = initial;
    Ok(new_native_iter(
        &ACCUMULATE_TYPE,
        Box::new(move || {
            if let Some(i) = initial.take() {
                total = Some(i.clone());
                return Ok(Some(i));
            }
            let Some(v) = ops::next(it.as_ref())? else { return Ok(None) };
            let new = match &total {
                None => v,
                Some(t) => match &func {
                    None => ops::binary_op(t.as_ref(), v.as_ref(), BinOp::Add)?,
                    Some(f) => ops::call(f.as_ref(), &[t.clone(), v], None)?,
                },
            };
            total = Some(new.clone());
            Ok(Some(new))
        }),
    ))
}

fn batched_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let it_kw = a.take_kw("iterable").cloned();
    let n_kw = a.take_kw("n").cloned();
    let strict = match a.take_kw("strict") {
        Some(s) => ops::is_true(s.as_ref())?,
        None => false,
    };
    a.no_kw("batched")?;
    let src = a.pos.first().cloned().or(it_kw).ok_or_else(|| {
        PyErr::type_error("batched() missing required argument 'iterable' (pos 1)")
    })?;
    let n = a
        .pos
        .get(1)
        .cloned()
        .or(n_kw)
        .ok_or_else(|| PyErr::type_error("batched() missing required argument 'n' (pos 2)"))?;
    let n = index_arg(n.as_ref())?;
    if n < 1 {
        return Err(PyErr::value_error("n must be at least one"));
    }
    let it = ops::iter(src.as_ref())?;
    let n = n as usize;
    Ok(new_native_iter(
        &BATCHED_TYPE,
        Box::new(move || {
            let mut items = Vec::with_capacity(n.min(1024));
            while items.len() < n {
                match ops::next(it.as_ref())? {
                    Some(v) => items.push(v),
                    None => break,
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            if strict && items.len() < n {
                return Err(PyErr::value_error("batched(): incomplete batch"));
            }
            Ok(Some(new_tuple(items)))
        }),
    ))
}

fn chain_of(sources: Object) -> PyResult<Object> {
    let sources = ops::iter(sources.as_ref())?;
    let mut active: Option<Object> = None;
    Ok(new_native_iter(
        &CHAIN_TYPE,
        Box::new(move || {
            loop {
                if active.is_none() {
                    let Some(next_src) = ops::next(sources.as_ref())? else { return Ok(None) };
                    active = Some(ops::iter(next_src.as_ref())?);
                }
                let it = active.clone().expect("active");
                match ops::next(it.as_ref())? {
                    Some(v) => return Ok(Some(v)),
                    None => active = None,
                }
            }
        }),
    ))
}

fn chain_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("chain", &a)?;
    chain_of(new_tuple(args.to_vec()))
}

fn chain_from_iterable(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("from_iterable", &a)?;
    // Called through the classmethod: the class comes first.
    let rest = if args.len() == 2 { &args[1..] } else { args };
    if rest.len() != 1 {
        return Err(PyErr::type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            rest.len()
        )));
    }
    chain_of(rest[0].clone())
}

fn compress_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let d_kw = a.take_kw("data").cloned();
    let s_kw = a.take_kw("selectors").cloned();
    a.no_kw("compress")?;
    let data =
        a.pos.first().cloned().or(d_kw).ok_or_else(|| {
            PyErr::type_error("compress() missing required argument 'data' (pos 1)")
        })?;
    let sel = a.pos.get(1).cloned().or(s_kw).ok_or_else(|| {
        PyErr::type_error("compress() missing required argument 'selectors' (pos 2)")
    })?;
    let data = ops::iter(data.as_ref())?;
    let sel = ops::iter(sel.as_ref())?;
    Ok(new_native_iter(
        &COMPRESS_TYPE,
        Box::new(move || {
            loop {
                let Some(d) = ops::next(data.as_ref())? else { return Ok(None) };
                let Some(s) = ops::next(sel.as_ref())? else { return Ok(None) };
                if ops::is_true(s.as_ref())? {
                    return Ok(Some(d));
                }
            }
        }),
    ))
}

fn pred_and_iter(
    name: &str,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<(Object, Object)> {
    let a = Args::new(args, kw);
    no_kw(name, &a)?;
    nargs(name, &a, 2, 2)?;
    Ok((args[0].clone(), ops::iter(args[1].as_ref())?))
}

fn test(pred: &Object, v: &Object) -> PyResult<bool> {
    if is_none(pred.as_ref()) {
        return ops::is_true(v.as_ref());
    }
    let r = ops::call(pred.as_ref(), &[v.clone()], None)?;
    ops::is_true(r.as_ref())
}

fn dropwhile_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (pred, it) = pred_and_iter("dropwhile", args, kw)?;
    let mut dropping = true;
    Ok(new_native_iter(
        &DROPWHILE_TYPE,
        Box::new(move || {
            loop {
                let Some(v) = ops::next(it.as_ref())? else { return Ok(None) };
                if !dropping {
                    return Ok(Some(v));
                }
                let r = ops::call(pred.as_ref(), &[v.clone()], None)?;
                if !ops::is_true(r.as_ref())? {
                    dropping = false;
                    return Ok(Some(v));
                }
            }
        }),
    ))
}

fn takewhile_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (pred, it) = pred_and_iter("takewhile", args, kw)?;
    Ok(new_native_iter(
        &TAKEWHILE_TYPE,
        Box::new(move || {
            let Some(v) = ops::next(it.as_ref())? else { return Ok(None) };
            let r = ops::call(pred.as_ref(), &[v.clone()], None)?;
            if ops::is_true(r.as_ref())? { Ok(Some(v)) } else { Ok(None) }
        }),
    ))
}

fn filterfalse_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (pred, it) = pred_and_iter("filterfalse", args, kw)?;
    Ok(new_native_iter(
        &FILTERFALSE_TYPE,
        Box::new(move || {
            loop {
                let Some(v) = ops::next(it.as_ref())? else { return Ok(None) };
                if !test(&pred, &v)? {
                    return Ok(Some(v));
                }
            }
        }),
    ))
}

/// The state `groupby` shares with the `_grouper` iterators it hands out.
struct GroupState {
    it: Object,
    keyfunc: Option<Object>,
    tgtkey: Option<Object>,
    currkey: Option<Object>,
    currvalue: Option<Object>,
    /// Bumped each time the parent moves to a new group; a grouper from an older group is dead.
    generation: u64,
}

impl GroupState {
    /// Reads the next item into `currkey`/`currvalue`; false at the end.
    fn step(&mut self) -> PyResult<bool> {
        let Some(v) = ops::next(self.it.as_ref())? else { return Ok(false) };
        let k = match &self.keyfunc {
            None => v.clone(),
            Some(f) => ops::call(f.as_ref(), &[v.clone()], None)?,
        };
        self.currvalue = Some(v);
        self.currkey = Some(k);
        Ok(true)
    }
}

fn step_shared(state: &Rc<RefCell<GroupState>>) -> PyResult<bool> {
    // Read without holding the borrow across Python code.
    let (it, keyfunc) = {
        let s = state.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(v) = ops::next(it.as_ref())? else { return Ok(false) };
    let k = match &keyfunc {
        None => v.clone(),
        Some(f) => ops::call(f.as_ref(), &[v.clone()], None)?,
    };
    let mut s = state.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(k);
    let _ = GroupState::step;
    Ok(true)
}

fn groupby_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let it_kw = a.take_kw("iterable").cloned();
    let key_kw = a.take_kw("key").cloned();
    a.no_kw("groupby")?;
    let src = a.pos.first().cloned().or(it_kw).ok_or_else(|| {
        PyErr::type_error("groupby() missing required argument 'iterable' (pos 1)")
    })?;
    let keyfunc = a.pos.get(1).cloned().or(key_kw).filter(|k| !is_none(k.as_ref()));
    let state = Rc::new(RefCell::new(GroupState {
        it: ops::iter(src.as_ref())?,
        keyfunc,
        tgtkey: None,
        currkey: None,
        currvalue: None,
        generation: 0,
    }));
    Ok(new_native_iter(
        &GROUPBY_TYPE,
        Box::new(move || {
            state.borrow_mut().generation += 1;
            // Skip to the next key.
            loop {
                let (cur, tgt) = {
                    let s = state.borrow();
                    (s.currkey.clone(), s.tgtkey.clone())
                };
                match cur {
                    None => {
                        if !step_shared(&state)? {
                            return Ok(None);
                        }
                    }
                    Some(c) => match tgt {
                        None => break,
                        Some(t) => {
                            if !ops::rich_compare_bool(
                                t.as_ref(),
                                c.as_ref(),
                                crate::types::typeobject::CompareOp::Eq,
                            )? {
                                break;
                            }
                            if !step_shared(&state)? {
                                return Ok(None);
                            }
                        }
                    },
                }
            }
            let (key, generation) = {
                let mut s = state.borrow_mut();
                s.tgtkey = s.currkey.clone();
                (s.currkey.clone().expect("key"), s.generation)
            };
            let gstate = state.clone();
            let grouper = new_native_iter(
                &GROUPER_TYPE,
                Box::new(move || {
                    if gstate.borrow().generation != generation {
                        return Ok(None);
                    }
                    if gstate.borrow().currvalue.is_none() && !step_shared(&gstate)? {
                        return Ok(None);
                    }
                    let (tgt, cur) = {
                        let s = gstate.borrow();
                        (s.tgtkey.clone().expect("target"), s.currkey.clone().expect("key"))
                    };
                    if !ops::rich_compare_bool(
                        tgt.as_ref(),
                        cur.as_ref(),
                        crate::types::typeobject::CompareOp::Eq,
                    )? {
                        return Ok(None);
                    }
                    let mut s = gstate.borrow_mut();
                    s.currkey = None;
                    Ok(s.currvalue.take())
                }),
            );
            Ok(Some(new_tuple(vec![key, grouper])))
        }),
    ))
}

fn islice_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("islice", &a)?;
    nargs("islice", &a, 2, 4)?;
    let bound = |o: &Object, msg: &str| -> PyResult<Option<usize>> {
        if is_none(o.as_ref()) {
            return Ok(None);
        }
        match ops::index_value(o.as_ref()) {
            Ok(Some(v)) if v >= 0 => Ok(Some(v as usize)),
            Ok(_) => Err(PyErr::value_error(msg)),
            Err(e) if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) => {
                Err(PyErr::value_error(msg))
            }
            Err(e) => Err(e),
        }
    };
    let (start, stop, step) = if args.len() == 2 {
        let stop = bound(
            &args[1],
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        (0, stop, 1)
    } else {
        let msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let start = bound(&args[1], msg)?.unwrap_or(0);
        let stop = bound(&args[2], msg)?;
        let step = match args.get(3) {
            None => 1,
            Some(s) if is_none(s.as_ref()) => 1,
            Some(s) => match ops::index_value(s.as_ref()) {
                Ok(Some(v)) if v >= 1 => v as usize,
                Ok(_) | Err(_) => {
                    return Err(PyErr::value_error(
                        "Step for islice() must be a positive integer or None.",
                    ));
                }
            },
        };
        (start, stop, step)
    };
    let mut it = Some(ops::iter(args[0].as_ref())?);
    let mut next_index = start;
    let mut cnt = 0usize;
    Ok(new_native_iter(
        &ISLICE_TYPE,
        Box::new(move || {
            let Some(src) = it.clone() else { return Ok(None) };
            let stop_at = stop;
            while cnt < next_index {
                if stop_at.is_some_and(|s| cnt >= s) {
                    break;
                }
                if ops::next(src.as_ref())?.is_none() {
                    it = None;
                    return Ok(None);
                }
                cnt += 1;
            }
            if stop_at.is_some_and(|s| cnt >= s) {
                it = None;
                return Ok(None);
            }
            let Some(v) = ops::next(src.as_ref())? else {
                it = None;
                return Ok(None);
            };
            cnt += 1;
            next_index = next_index.saturating_add(step);
            if let Some(s) = stop_at
                && next_index > s
            {
                next_index = s;
            }
            Ok(Some(v))
        }),
    ))
}

fn pairwise_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("pairwise", &a)?;
    nargs("pairwise", &a, 1, 1)?;
    let it = ops::iter(args[0].as_ref())?;
    let mut old: Option<Object> = None;
    Ok(new_native_iter(
        &PAIRWISE_TYPE,
        Box::new(move || {
            if old.is_none() {
                match ops::next(it.as_ref())? {
                    Some(v) => old = Some(v),
                    None => return Ok(None),
                }
            }
            let Some(new) = ops::next(it.as_ref())? else {
                old = None;
                return Ok(None);
            };
            let prev = std::mem::replace(&mut old, Some(new.clone())).expect("old");
            Ok(Some(new_tuple(vec![prev, new])))
        }),
    ))
}

fn starmap_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let (func, it) = pred_and_iter("starmap", args, kw)?;
    Ok(new_native_iter(
        &STARMAP_TYPE,
        Box::new(move || {
            let Some(v) = ops::next(it.as_ref())? else { return Ok(None) };
            let items = crate::eval::helpers::iterate(v.as_ref())?;
            Ok(Some(ops::call(func.as_ref(), &items, None)?))
        }),
    ))
}

/// The buffer the iterators of one `tee` share.
struct TeeShared {
    it: Object,
    items: Vec<Object>,
    /// How many items the buffer has dropped from its front (every tee is past them).
    offset: usize,
    positions: Vec<usize>,
    /// Whether one of the tees is inside the source's `__next__` (from another thread, or
    /// from that `__next__` itself): a second advance raises instead of waiting or recursing.
    running: bool,
}

fn tee_shared(it: Object) -> Rc<RefCell<TeeShared>> {
    Rc::new(RefCell::new(TeeShared {
        it,
        items: Vec::new(),
        offset: 0,
        positions: Vec::new(),
        running: false,
    }))
}

fn new_tee(shared: Rc<RefCell<TeeShared>>, pos: usize) -> Object {
    let slot = {
        let mut s = shared.borrow_mut();
        s.positions.push(pos);
        s.positions.len() - 1
    };
    new_native_iter(
        &TEE_TYPE,
        Box::new(move || {
            let (idx, offset, have) = {
                let s = shared.borrow();
                (s.positions[slot], s.offset, s.items.len())
            };
            let v = if idx - offset < have {
                shared.borrow().items[idx - offset].clone()
            } else {
                let it = {
                    let mut s = shared.borrow_mut();
                    if s.running {
                        return Err(PyErr::new(
                            &crate::types::exceptions::RUNTIME_ERROR,
                            "cannot re-enter the tee iterator",
                        ));
                    }
                    s.running = true;
                    s.it.clone()
                };
                let next = ops::next(it.as_ref());
                shared.borrow_mut().running = false;
                let Some(v) = next? else { return Ok(None) };
                shared.borrow_mut().items.push(v.clone());
                v
            };
            let mut s = shared.borrow_mut();
            s.positions[slot] = idx + 1;
            // Drop what every tee has consumed.
            let min = s.positions.iter().copied().min().unwrap_or(0);
            if min > s.offset {
                let n = min - s.offset;
                s.items.drain(..n);
                s.offset = min;
            }
            Ok(Some(v))
        }),
    )
}

fn tee(_: Option<ObjectRef<'_>>, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("tee", &a)?;
    nargs("tee", &a, 1, 2)?;
    let n = match args.get(1) {
        Some(n) => index_arg(n.as_ref())?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let it = ops::iter(args[0].as_ref())?;
    let shared = tee_shared(it);
    let tees = (0..n).map(|_| new_tee(shared.clone(), 0)).collect();
    Ok(new_tuple(tees))
}

fn zip_longest_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let fill = a.take_kw("fillvalue").cloned().unwrap_or_else(none);
    a.no_kw("zip_longest")?;
    let mut its: Vec<Option<Object>> = Vec::new();
    for s in a.pos {
        its.push(Some(ops::iter(s.as_ref())?));
    }
    let mut active = its.len();
    Ok(new_native_iter(
        &ZIP_LONGEST_TYPE,
        Box::new(move || {
            if its.is_empty() || active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for slot in its.iter_mut() {
                let v = match slot {
                    None => fill.clone(),
                    Some(it) => match ops::next(it.as_ref())? {
                        Some(v) => v,
                        None => {
                            *slot = None;
                            active -= 1;
                            if active == 0 {
                                return Ok(None);
                            }
                            fill.clone()
                        }
                    },
                };
                out.push(v);
            }
            Ok(Some(new_tuple(out)))
        }),
    ))
}

fn product_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let repeat = match a.take_kw("repeat") {
        Some(r) => index_arg(r.as_ref())?,
        None => 1,
    };
    a.no_kw("product")?;
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut pools: Vec<Vec<Object>> = Vec::new();
    for s in a.pos {
        pools.push(crate::eval::helpers::iterate(s.as_ref())?);
    }
    let pools: Vec<Vec<Object>> =
        (0..repeat as usize).flat_map(|_| pools.iter().cloned()).collect();
    let mut indices: Option<Vec<usize>> = None;
    let mut done = pools.iter().any(Vec::is_empty);
    Ok(new_native_iter(
        &PRODUCT_TYPE,
        Box::new(move || {
            if done {
                return Ok(None);
            }
            match &mut indices {
                None => indices = Some(vec![0; pools.len()]),
                Some(idx) => {
                    let mut i = pools.len();
                    loop {
                        if i == 0 {
                            done = true;
                            return Ok(None);
                        }
                        i -= 1;
                        idx[i] += 1;
                        if idx[i] < pools[i].len() {
                            break;
                        }
                        idx[i] = 0;
                    }
                }
            }
            let idx = indices.as_ref().expect("indices");
            Ok(Some(new_tuple(idx.iter().enumerate().map(|(i, &j)| pools[i][j].clone()).collect())))
        }),
    ))
}

fn r_arg(name: &str, a: &mut Args<'_>, pos: usize, required: bool) -> PyResult<Option<usize>> {
    let kw = a.take_kw("r").cloned();
    let v = a.pos.get(pos).cloned().or(kw);
    match v {
        None if required => {
            Err(PyErr::type_error(format!("{name}() missing required argument 'r' (pos 2)")))
        }
        None => Ok(None),
        Some(v) if is_none(v.as_ref()) && !required => Ok(None),
        Some(v) => {
            let r = index_arg(v.as_ref())?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Ok(Some(r as usize))
        }
    }
}

fn pool_arg(name: &str, a: &mut Args<'_>) -> PyResult<Vec<Object>> {
    let kw = a.take_kw("iterable").cloned();
    let src = a.pos.first().cloned().or(kw).ok_or_else(|| {
        PyErr::type_error(format!("{name}() missing required argument 'iterable' (pos 1)"))
    })?;
    crate::eval::helpers::iterate(src.as_ref())
}

fn permutations_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let pool = pool_arg("permutations", &mut a)?;
    let r = r_arg("permutations", &mut a, 1, false)?;
    a.no_kw("permutations")?;
    let n = pool.len();
    let r = r.unwrap_or(n);
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    let mut first = true;
    let mut done = r > n;
    Ok(new_native_iter(
        &PERMUTATIONS_TYPE,
        Box::new(move || {
            if done {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                let mut i = r;
                loop {
                    if i == 0 {
                        done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = indices.remove(i);
                        indices.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        break;
                    }
                }
            }
            Ok(Some(new_tuple(indices[..r].iter().map(|&k| pool[k].clone()).collect())))
        }),
    ))
}

fn combinations_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let pool = pool_arg("combinations", &mut a)?;
    let r = r_arg("combinations", &mut a, 1, true)?.expect("r");
    a.no_kw("combinations")?;
    let n = pool.len();
    let mut indices: Vec<usize> = (0..r).collect();
    let mut first = true;
    let mut done = r > n;
    Ok(new_native_iter(
        &COMBINATIONS_TYPE,
        Box::new(move || {
            if done {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                let mut i = r;
                loop {
                    if i == 0 {
                        done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    if indices[i] != i + n - r {
                        break;
                    }
                }
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
            }
            Ok(Some(new_tuple(indices.iter().map(|&k| pool[k].clone()).collect())))
        }),
    ))
}

fn cwr_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let name = "combinations_with_replacement";
    let mut a = Args::new(args, kw);
    let pool = pool_arg(name, &mut a)?;
    let r = r_arg(name, &mut a, 1, true)?.expect("r");
    a.no_kw(name)?;
    let n = pool.len();
    let mut indices: Vec<usize> = vec![0; r];
    let mut first = true;
    let mut done = n == 0 && r > 0;
    Ok(new_native_iter(
        &CWR_TYPE,
        Box::new(move || {
            if done {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                let mut i = r;
                loop {
                    if i == 0 {
                        done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    if indices[i] != n - 1 {
                        break;
                    }
                }
                let v = indices[i] + 1;
                for x in &mut indices[i..] {
                    *x = v;
                }
            }
            Ok(Some(new_tuple(indices.iter().map(|&k| pool[k].clone()).collect())))
        }),
    ))
}

static TYPES: [(&StaticType, NativeFn); 20] = [
    (&COUNT_TYPE, count_new),
    (&CYCLE_TYPE, cycle_new),
    (&REPEAT_TYPE, repeat_new),
    (&ACCUMULATE_TYPE, accumulate_new),
    (&BATCHED_TYPE, batched_new),
    (&CHAIN_TYPE, chain_new),
    (&COMPRESS_TYPE, compress_new),
    (&DROPWHILE_TYPE, dropwhile_new),
    (&FILTERFALSE_TYPE, filterfalse_new),
    (&GROUPBY_TYPE, groupby_new),
    (&ISLICE_TYPE, islice_new),
    (&PAIRWISE_TYPE, pairwise_new),
    (&STARMAP_TYPE, starmap_new),
    (&TAKEWHILE_TYPE, takewhile_new),
    (&ZIP_LONGEST_TYPE, zip_longest_new),
    (&PRODUCT_TYPE, product_new),
    (&PERMUTATIONS_TYPE, permutations_new),
    (&COMBINATIONS_TYPE, combinations_new),
    (&CWR_TYPE, cwr_new),
    (&TEE_TYPE, tee_type_new),
];

fn tee_type_new(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    no_kw("_tee", &a)?;
    nargs("_tee", &a, 1, 1)?;
    let it = ops::iter(args[0].as_ref())?;
    let shared = tee_shared(it);
    Ok(new_tee(shared, 0))
}

/// Makes the `itertools` module.
pub fn make_module() -> PyResult<Object> {
    let m = new_module("itertools");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (ty, ctor) in TYPES.iter() {
        register_constructor(&ty.0, *ctor);
        let name = ty.0.name().rsplit_once('.').map_or(ty.0.name(), |(_, n)| n);
        d.set_str(name, ty.0.as_object().to_owned())?;
    }
    let from_iterable = new_builtin_function("from_iterable", chain_from_iterable);
    let cm = crate::types::descriptors::new_classmethod(from_iterable);
    let _ = crate::types::typelookup::register_static_attr(&CHAIN_TYPE.0, "from_iterable", cm);
    crate::modules::collections_deque::register_class_getitem(&CHAIN_TYPE.0);
    d.set_str("tee", new_builtin_function("tee", tee))?;
    // `it.__next__` and `it.__iter__` as attributes (threading binds `count(1).__next__`).
    let all = TYPES.iter().map(|(t, _)| *t).chain([&GROUPER_TYPE, &TEE_TYPE]);
    for ty in all {
        for name in ["__iter__", "__next__"] {
            use crate::types::slotwrapper::{WrapperImpl, new_slot_wrapper};
            let w = new_slot_wrapper(&ty.0, name, WrapperImpl::Slot);
            let _ = crate::types::typelookup::register_static_attr(&ty.0, name, w);
        }
    }
    let _: Option<Fn3<'_>> = None;
    Ok(m)
}
