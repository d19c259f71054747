"""`sys.monitoring` (PEP 669), run once at start-up into the `sys.monitoring` module.

The tool registry (ids, names, the events each tool asked for, its callbacks) is kept as
CPython keeps it; Taipan's eval loop does not deliver monitoring events yet, so callbacks are
called by the eval loop's tracing instance (`trace_monitor.rs`) for the events it delivers:
PY_START, PY_RESUME, PY_RETURN, PY_YIELD, PY_THROW, PY_UNWIND, RAISE, LINE and JUMP (backward
jumps). `_set_monitor` (put here by the bootstrap) tells the loop whether a tool has events.
"""

import sys

events = type(sys.implementation)(
    BRANCH=262144, BRANCH_LEFT=256, BRANCH_RIGHT=512, CALL=16, C_RAISE=131072,
    C_RETURN=65536, EXCEPTION_HANDLED=4096, INSTRUCTION=64, JUMP=128, LINE=32, NO_EVENTS=0,
    PY_RESUME=2, PY_RETURN=4, PY_START=1, PY_THROW=16384, PY_UNWIND=8192, PY_YIELD=8,
    RAISE=2048, RERAISE=32768, STOP_ITERATION=1024,
)

DEBUGGER_ID = 0
COVERAGE_ID = 1
PROFILER_ID = 2
OPTIMIZER_ID = 5

DISABLE = object()
MISSING = object()

_names = [None] * 6
_events = [0] * 6
_local = {}
_callbacks = {}
# Places where a callback returned DISABLE: (tool, code, offset, event).
_disabled = {}
# Every event a tool can ask for: the single-bit events below STOP_ITERATION's successors.
_ALL = (1 << 18) - 1
_LOCAL_ONLY = 32 | 64 | 128 | 256 | 512 | 262144


def _sync():
    mask = 0
    for m in _events:
        mask |= m
    for m in _local.values():
        mask |= m
    _set_monitor(globals() if mask else None, mask)


def _check_id(tool_id):
    if not isinstance(tool_id, int):
        raise TypeError(f"'{type(tool_id).__name__}' object cannot be interpreted as an integer")
    if not 0 <= tool_id < 6:
        raise ValueError(f"invalid tool {tool_id} (must be between 0 and 5)")


def _check_in_use(tool_id):
    _check_id(tool_id)
    if _names[tool_id] is None:
        raise ValueError(f"tool {tool_id} is not in use")


def use_tool_id(tool_id, name, /):
    _check_id(tool_id)
    if not isinstance(name, str):
        raise ValueError("tool name must be a str")
    if _names[tool_id] is not None:
        raise ValueError(f"tool {tool_id} is already in use")
    _names[tool_id] = name


def clear_tool_id(tool_id, /):
    _check_id(tool_id)
    _events[tool_id] = 0
    for key in [k for k in _local if k[0] == tool_id]:
        del _local[key]
    for key in [k for k in _callbacks if k[0] == tool_id]:
        del _callbacks[key]
    for key in [k for k in _disabled if k[0] == tool_id]:
        del _disabled[key]
    _sync()


def free_tool_id(tool_id, /):
    _check_id(tool_id)
    clear_tool_id(tool_id)
    _names[tool_id] = None


def get_tool(tool_id, /):
    _check_id(tool_id)
    return _names[tool_id]


def get_events(tool_id, /):
    _check_id(tool_id)
    return _events[tool_id]


def _check_events(event_set):
    if not isinstance(event_set, int):
        raise TypeError(f"'{type(event_set).__name__}' object cannot be interpreted as an integer")
    if event_set < 0 or event_set & ~_ALL:
        raise ValueError(f"invalid event set 0x{event_set:x}")


def set_events(tool_id, event_set, /):
    _check_in_use(tool_id)
    _check_events(event_set)
    _events[tool_id] = event_set
    _sync()


def get_local_events(tool_id, code, /):
    _check_id(tool_id)
    return _local.get((tool_id, code), 0)


def set_local_events(tool_id, code, event_set, /):
    _check_in_use(tool_id)
    if type(code).__name__ != 'code':
        raise TypeError("code must be a code object")
    _check_events(event_set)
    _local[(tool_id, code)] = event_set
    _sync()


def register_callback(tool_id, event, func, /):
    _check_id(tool_id)
    if not isinstance(event, int) or event <= 0 or event & (event - 1) or event & ~_ALL:
        raise ValueError("invalid event")
    old = _callbacks.get((tool_id, event))
    if func is None:
        _callbacks.pop((tool_id, event), None)
    else:
        _callbacks[(tool_id, event)] = func
    return old


def restart_events():
    _disabled.clear()


def _all_events():
    return {}


for _f in (use_tool_id, clear_tool_id, free_tool_id, get_tool, get_events, set_events,
           get_local_events, set_local_events, register_callback, restart_events,
           _all_events):
    _f.__module__ = 'sys.monitoring'
del _f
