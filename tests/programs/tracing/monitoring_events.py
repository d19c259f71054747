# sys.monitoring (PEP 669): PY_START/PY_RESUME/PY_RETURN/PY_YIELD/LINE/JUMP/RAISE/PY_UNWIND
# callbacks, local events, DISABLE and restart_events.
import sys

mon = sys.monitoring
E = mon.events
TOOL = mon.PROFILER_ID
log = []

def cb(name):
    def f(code, *args):
        if code.co_name in ('work', 'gen', 'fails'):
            shown = [a if isinstance(a, (int, str, type(None))) else type(a).__name__ for a in args]
            if name in ('LINE',):
                shown = [args[0] - code.co_firstlineno]
            elif name == 'JUMP':
                shown = ['back' if args[1] < args[0] else 'forward']
            else:
                shown = shown[1:]
            log.append((name, code.co_name, *shown))
            if name == 'frame':
                pass
    return f

def work(n):
    t = 0
    for i in range(n):
        t += i
    return t

def gen():
    yield 1
    yield 2

def fails():
    raise KeyError('x')

mon.use_tool_id(TOOL, 'test')
for name in ('PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'LINE', 'JUMP', 'RAISE', 'PY_UNWIND'):
    mon.register_callback(TOOL, getattr(E, name), cb(name))
mon.set_events(TOOL, E.PY_START | E.PY_RESUME | E.PY_RETURN | E.PY_YIELD | E.RAISE | E.PY_UNWIND)
work(2)
list(gen())
try:
    fails()
except KeyError:
    pass
mon.set_events(TOOL, 0)
mon.set_local_events(TOOL, work.__code__, E.LINE | E.JUMP)
work(2)
mon.set_local_events(TOOL, work.__code__, 0)
for entry in log:
    print(*entry)
log.clear()

# DISABLE turns one place off until restart_events()
def once(code, line):
    if code.co_name == 'work':
        log.append(line - code.co_firstlineno)
        return mon.DISABLE
mon.register_callback(TOOL, E.LINE, once)
mon.set_events(TOOL, E.LINE)
work(3)
print(log)
log.clear()
work(3)
print(log)
mon.restart_events()
work(1)
print(log)
mon.set_events(TOOL, 0)
print(mon.get_tool(TOOL))
mon.free_tool_id(TOOL)
print(mon.get_tool(TOOL))
