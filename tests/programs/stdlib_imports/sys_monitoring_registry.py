# sys.monitoring's tool registry (bdb, and so doctest and pdb, read it at import).
import sys
m = sys.monitoring
print(m.__name__, m.DEBUGGER_ID, m.COVERAGE_ID, m.PROFILER_ID, m.OPTIMIZER_ID)
print(sorted(n for n in vars(m.events) if not n.startswith('_')))
print(m.events.LINE, m.events.PY_START | m.events.PY_RETURN, m.events.NO_EVENTS)
print(m.DISABLE is not m.MISSING)
m.use_tool_id(3, 'mytool')
print(m.get_tool(3), m.get_tool(4))
for bad in [(3, 'again'), (7, 'x'), (-1, 'x')]:
    try:
        m.use_tool_id(*bad)
    except ValueError as e:
        print("ValueError", e)
print(m.get_events(3))
m.set_events(3, m.events.CALL)
print(m.get_events(3))
cb = lambda *a: None
print(m.register_callback(3, m.events.CALL, cb))
print(m.register_callback(3, m.events.CALL, None) is cb)
def f(): pass
print(m.get_local_events(3, f.__code__))
m.set_local_events(3, f.__code__, m.events.LINE)
print(m.get_local_events(3, f.__code__))
m.free_tool_id(3)
print(m.get_tool(3), m.get_events(3))
try:
    m.set_events(3, 1)
except ValueError as e:
    print("ValueError", e)
import bdb
print("imported")
