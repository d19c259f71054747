//! `sys.monitoring` events (PEP 669) from the loop's tracing instance: the tool registry stays
//! in `builtins/py/monitoring.py` (the namespace `sys.monitoring` runs in); once a tool asks
//! for events, that namespace is this thread's monitor (`trace::set_monitor`) and each event
//! calls the callbacks of the tools that want it, straight from the frame the event is about
//! (callbacks read `sys._getframe(1)`), most significant tool first as CPython does. A
//! callback returning `sys.monitoring.DISABLE` turns that event off at that place for that
//! tool until `restart_events()`. docs/vm.md, "Tracing".

use crate::error::PyResult;
use crate::object::Object;
use crate::types::dict::as_dict;
use crate::types::int::new_int_i64;
use crate::types::tuple::new_tuple;

/// Event bits (`sys.monitoring.events`).
pub(crate) const PY_START: u32 = 1;
pub(crate) const PY_RESUME: u32 = 2;
pub(crate) const PY_RETURN: u32 = 4;
pub(crate) const PY_YIELD: u32 = 8;
pub(crate) const LINE: u32 = 32;
pub(crate) const INSTRUCTION: u32 = 64;
pub(crate) const JUMP: u32 = 128;
pub(crate) const RAISE: u32 = 2048;
pub(crate) const PY_UNWIND: u32 = 8192;
pub(crate) const PY_THROW: u32 = 16384;

/// Events that can be disabled at one place.
const LOCAL_EVENTS: u32 = PY_START | PY_RESUME | PY_RETURN | PY_YIELD | LINE | INSTRUCTION | JUMP;

fn lookup(ns: &Object, name: &str) -> Option<Object> {
    as_dict(ns.as_ref())?.get_str(name).ok().flatten()
}

/// Calls every tool's callback for `event` at instruction `at` of `code` with `args` (after
/// the code object). `at` identifies the place for `DISABLE`.
pub(crate) fn fire(
    ns: &Object,
    event: u32,
    code: &Object,
    at: usize,
    args: Vec<Object>,
) -> PyResult<()> {
    let (Some(events), Some(local), Some(callbacks), Some(disabled)) = (
        lookup(ns, "_events"),
        lookup(ns, "_local"),
        lookup(ns, "_callbacks"),
        lookup(ns, "_disabled"),
    ) else {
        return Ok(());
    };
    let (Some(local), Some(callbacks), Some(disabled_d)) =
        (as_dict(local.as_ref()), as_dict(callbacks.as_ref()), as_dict(disabled.as_ref()))
    else {
        return Ok(());
    };
    let ev = new_int_i64(event as i64);
    for tool in (0..6i64).rev() {
        let t = new_int_i64(tool);
        let global = crate::ops::getitem(events.as_ref(), t.as_ref())?;
        let mut mask = crate::ops::index_value(global.as_ref())?.unwrap_or(0) as u32;
        let key = new_tuple(vec![t.clone(), code.clone()]);
        if let Some(l) = local.get_item(key.as_ref())? {
            mask |= crate::ops::index_value(l.as_ref())?.unwrap_or(0) as u32;
        }
        if mask & event == 0 {
            continue;
        }
        let Some(cb) = callbacks.get_item(new_tuple(vec![t.clone(), ev.clone()]).as_ref())? else {
            continue;
        };
        let place = new_tuple(vec![t.clone(), code.clone(), new_int_i64(at as i64), ev.clone()]);
        if disabled_d.get_item(place.as_ref())?.is_some() {
            continue;
        }
        let mut call_args = Vec::with_capacity(args.len() + 1);
        call_args.push(code.clone());
        call_args.extend(args.iter().cloned());
        let r = crate::ops::call(cb.as_ref(), &call_args, None)?;
        if event & LOCAL_EVENTS != 0
            && let Some(d) = lookup(ns, "DISABLE")
            && r.as_ref().is(d.as_ref())
        {
            disabled_d.set_item(place, crate::types::singletons::none())?;
        }
    }
    Ok(())
}

/// The offset argument callbacks get: bytes into `co_code`.
pub(crate) fn offset(at: usize) -> Object {
    new_int_i64(at as i64 * 2)
}
