def g():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")
x = g()
next(x)
x.close()
print("closed")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"
r = returns_on_close()
next(r)
print(r.close())
def gen_del():
    try:
        yield 1
    finally:
        print("gen finalized")
gd = gen_del()
next(gd)
del gd
print("after del")
