import sys
def pr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, getattr(arg, '__name__', arg))
def f(x):
    l = []
    l.append(len([x]))
    try:
        int('z')
    except ValueError:
        pass
    return l
def g():
    yield 1
sys.setprofile(pr)
f(3)
for _ in g(): pass
sys.setprofile(None)
print('--')
def tr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, frame.f_trace_opcodes)
    frame.f_trace_opcodes = True
    return tr
def h():
    a = 1
    return a
sys.settrace(tr); h(); sys.settrace(None)
def bad(frame, event, arg):
    print(event, frame.f_code.co_name)
    if event == 'line': raise KeyError(5)
    return bad
sys.settrace(bad)
try:
    h()
except KeyError as e:
    print('caught', repr(e), sys.gettrace())
