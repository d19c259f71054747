import sys
def tr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, arg if event != 'exception' else arg[0].__name__)
    return tr
def f(n):
    s = 0
    for i in range(n): s += i
    while n:
        n -= 1
    try:
        1/0
    except ZeroDivisionError:
        pass
    return s
def g():
    yield 1
    yield 2
sys.settrace(tr)
f(2)
list(g())
[x for x in range(2)]
sys.settrace(None)
