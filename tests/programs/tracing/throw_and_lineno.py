# generator.throw/close report 'call' then 'exception'; f_lineno may only be set from a
# 'line' event; a jump between top-level lines of a function skips or repeats them.
import sys

def tr(frame, event, arg):
    if frame.f_code.co_name in ('gen', 'body'):
        a = arg[0].__name__ if event == 'exception' else arg
        print(event, frame.f_code.co_name, frame.f_lineno, a)
    return tr

def gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')

sys.settrace(tr)
g = gen()
next(g)
g.close()
g = gen()
next(g)
try:
    g.throw(KeyError('k'))
except KeyError:
    print('KeyError out')
sys.settrace(None)

def attempt(event_wanted, target):
    def hook(frame, event, arg):
        if frame.f_code.co_name == 'body' and event == event_wanted:
            try:
                frame.f_lineno = target(frame)
            except ValueError as e:
                print(event, 'ValueError:', e)
            except TypeError as e:
                print(event, 'TypeError:', e)
        return hook
    return hook

def body():
    out = []
    out.append(1)
    out.append(2)
    out.append(3)
    return out

first = body.__code__.co_firstlineno
for event, target in [('call', lambda f: first + 3), ('return', lambda f: first + 1),
                      ('line', lambda f: 'x'), ('line', lambda f: first - 5),
                      ('line', lambda f: first + 50)]:
    sys.settrace(attempt(event, target))
    r = body()
    sys.settrace(None)
    print(r)

def skip(frame, event, arg):
    if frame.f_code.co_name == 'body' and event == 'line' and frame.f_lineno == first + 3:
        frame.f_lineno = first + 5
    return skip
sys.settrace(skip)
print(body())
sys.settrace(None)
try:
    sys._getframe().f_lineno = 3
except ValueError as e:
    print(e)
