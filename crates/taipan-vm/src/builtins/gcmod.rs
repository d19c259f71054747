//! The `gc` module: the interface to the cycle collector (`crate::gc`).

use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::gc::{self, NUM_GENERATIONS};
use crate::object::{Object, ObjectRef};
use crate::types::bool::py_bool;
use crate::types::dict::{as_dict, new_dict};
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::int::{int_value, new_int_i64};
use crate::types::list::new_list;
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::tuple::new_tuple;

pub(crate) fn make_gc() -> Object {
    let m = new_module("gc");
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    let fns: &[(&'static str, NativeFn)] = &[
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("collect", collect),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
        ("get_objects", get_objects),
        ("get_stats", get_stats),
        ("get_referrers", get_referrers),
        ("get_referents", get_referents),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
    ];
    for (n, f) in fns {
        let _ = d.set_str(n, new_builtin_function(n, *f));
    }
    let callbacks = new_list(Vec::new());
    let garbage = new_list(Vec::new());
    let _ = d.set_str("callbacks", callbacks.clone());
    let _ = d.set_str("garbage", garbage.clone());
    gc::collect::set_module_lists(callbacks, garbage);
    for (n, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        let _ = d.set_str(n, new_int_i64(v));
    }
    m
}

fn no_args(name: &str, args: &[Object], kw: Option<ObjectRef<'_>>) -> PyResult<()> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 0, 0)
}

fn enable(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("enable", args, kw)?;
    gc::with_state(|s| s.enabled.set(true));
    Ok(none())
}

fn disable(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("disable", args, kw)?;
    gc::with_state(|s| s.enabled.set(false));
    Ok(none())
}

fn isenabled(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("isenabled", args, kw)?;
    Ok(py_bool(gc::with_state(|s| s.enabled.get())))
}

fn small_int(o: &Object, what: &str) -> PyResult<i64> {
    match int_value(o.as_ref()) {
        Some(crate::types::int::IntVal::Small(i)) => Ok(i),
        Some(_) => Err(PyErr::overflow_error("Python int too large to convert to C int")),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            o.type_().name()
        ))),
    }
}

fn collect(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let g = a.take_kw("generation");
    a.no_kw("collect")?;
    a.count("collect", 0, 1)?;
    let g = a.pos.first().or(g);
    let generation = match g {
        None => NUM_GENERATIONS as i64 - 1,
        Some(v) => small_int(v, "")?,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&generation) {
        return Err(PyErr::value_error("invalid generation"));
    }
    Ok(new_int_i64(gc::collect(generation as usize) as i64))
}

fn get_count(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("get_count", args, kw)?;
    let (a, b, c) = gc::with_state(|s| (s.count.get(), s.gen_count[1].get(), s.gen_count[2].get()));
    Ok(new_tuple(vec![new_int_i64(a as i64), new_int_i64(b as i64), new_int_i64(c as i64)]))
}

fn get_threshold(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("get_threshold", args, kw)?;
    let t = gc::with_state(|s| s.threshold.each_ref().map(|c| c.get()));
    Ok(new_tuple(t.iter().map(|v| new_int_i64(*v as i64)).collect()))
}

fn set_threshold(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("set_threshold")?;
    a.count("set_threshold", 1, 3)?;
    let mut vals = Vec::new();
    for v in a.pos {
        vals.push(small_int(v, "")?);
    }
    gc::with_state(|s| {
        for (i, v) in vals.iter().enumerate() {
            s.threshold[i].set((*v).max(0) as usize);
        }
    });
    Ok(none())
}

fn get_debug(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("get_debug", args, kw)?;
    Ok(new_int_i64(gc::with_state(|s| s.debug.get()) as i64))
}

fn set_debug(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all("set_debug")?;
    a.count("set_debug", 1, 1)?;
    let v = small_int(&a.pos[0], "")?;
    gc::with_state(|s| s.debug.set(v as u32));
    Ok(none())
}

fn get_objects(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    let mut a = Args::new(args, kw);
    let g = a.take_kw("generation");
    a.no_kw("get_objects")?;
    a.count("get_objects", 0, 1)?;
    let generation = match a.pos.first().or(g) {
        Some(v) if !is_none(v.as_ref()) => {
            let g = small_int(v, "")?;
            if g >= NUM_GENERATIONS as i64 {
                return Err(PyErr::value_error(format!(
                    "generation parameter must be less than the number of available \
                     generations ({NUM_GENERATIONS})"
                )));
            }
            if g < 0 {
                return Err(PyErr::value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
        _ => None,
    };
    Ok(new_list(gc::tracked_objects(generation)))
}

fn get_stats(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("get_stats", args, kw)?;
    let rows = gc::with_state(|s| s.stats.each_ref().map(|r| r.each_ref().map(|c| c.get())));
    let mut out = Vec::new();
    for r in rows {
        let d = new_dict();
        let dd = as_dict(d.as_ref()).expect("dict");
        dd.set_str("collections", new_int_i64(r[0] as i64))?;
        dd.set_str("collected", new_int_i64(r[1] as i64))?;
        dd.set_str("uncollectable", new_int_i64(r[2] as i64))?;
        out.push(d);
    }
    Ok(new_list(out))
}

/// Every object `o` refers to, in its `traverse` order.
fn referents_of(o: ObjectRef<'_>, out: &mut Vec<Object>) {
    if o.is_small_int() || !o.type_().is_gc() {
        return;
    }
    gc::traverse_object(o, &mut |r| out.push(r.to_owned()));
}

fn get_referents(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("get_referents")?;
    let mut out = Vec::new();
    for o in args {
        referents_of(o.as_ref(), &mut out);
    }
    Ok(new_list(out))
}

fn get_referrers(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Args::new(args, kw).no_kw_at_all("get_referrers")?;
    let mut out = Vec::new();
    for candidate in gc::tracked_objects(None) {
        let mut hit = false;
        gc::traverse_object(candidate.as_ref(), &mut |r| {
            if args.iter().any(|a| a.as_ref().is(r)) {
                hit = true;
            }
        });
        if hit {
            out.push(candidate);
        }
    }
    Ok(new_list(out))
}

fn one_arg<'a>(name: &str, args: &'a [Object], kw: Option<ObjectRef<'_>>) -> PyResult<&'a Object> {
    let a = Args::new(args, kw);
    a.no_kw_at_all(name)?;
    a.count(name, 1, 1)?;
    Ok(&args[0])
}

fn is_tracked(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(py_bool(gc::is_tracked(one_arg("is_tracked", args, kw)?.as_ref())))
}

fn is_finalized(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    Ok(py_bool(gc::is_finalized(one_arg("is_finalized", args, kw)?.as_ref())))
}

fn freeze(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("freeze", args, kw)?;
    gc::freeze();
    Ok(none())
}

fn unfreeze(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("unfreeze", args, kw)?;
    gc::unfreeze();
    Ok(none())
}

fn get_freeze_count(
    _: Option<ObjectRef<'_>>,
    args: &[Object],
    kw: Option<ObjectRef<'_>>,
) -> PyResult<Object> {
    no_args("get_freeze_count", args, kw)?;
    Ok(new_int_i64(gc::freeze_count() as i64))
}
