import sys
seen = {}
def tr(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'call':
        seen[name] = frame
    else:
        print(event, name, frame is seen.get(name), frame.f_back is seen.get('outer') if name == 'inner' else '-')
    return tr
def inner():
    f = sys._getframe()
    print('getframe same', f is seen['inner'], f.f_back is seen['outer'])
    return 1
def outer():
    inner()
    return 2
sys.settrace(tr)
outer()
sys.settrace(None)

# f_trace set from outside, before settrace (bdb style)
def local(frame, event, arg):
    print('local', event, frame.f_lineno)
    return local
def glob(frame, event, arg):
    return None
def target():
    f = sys._getframe()
    f.f_trace = local
    sys.settrace(glob)
    a = 1
    b = 2
    sys.settrace(None)
    c = 3
target()
print(sys.gettrace())
# f_trace_lines off
def tr2(frame, event, arg):
    print('tr2', event, frame.f_code.co_name)
    frame.f_trace_lines = False
    return tr2
def h():
    x = 1
    return x
sys.settrace(tr2); h(); sys.settrace(None)
# hook replaced by returning another function
def second(frame, event, arg):
    print('second', event, frame.f_lineno)
    return second
def first(frame, event, arg):
    print('first', event, frame.f_lineno)
    return second
def k():
    a = 1
    b = 2
    return a + b
sys.settrace(first); k(); sys.settrace(None)
# returning None from a local event keeps f_trace
def keep(frame, event, arg):
    print('keep', event, frame.f_lineno)
    if event == 'call':
        return keep
    return None
sys.settrace(keep); k(); sys.settrace(None)
