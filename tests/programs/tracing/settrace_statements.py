import sys
log = []
def tr(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return' and not isinstance(arg, (int, str, type(None), list, tuple)):
        arg = type(arg).__name__
    print(event, frame.f_code.co_name, frame.f_lineno, arg)
    return tr

def inner(x):
    if x > 1:
        raise ValueError(x)
    return x * 2

def outer(n):
    total = 0
    for i in range(n):
        try:
            total += inner(i)
        except ValueError as e:
            total -= 1
        finally:
            total += 10
    return total

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

def with_stmt():
    with Ctx() as c:
        y = 1
    return y

def comp(n):
    a = [i * i for i in range(n)]
    b = {i: i for i in range(n)}
    g = sum(i for i in range(n))
    return a, b, g

def gen(n):
    for i in range(n):
        x = yield i
    return 'done'

def uses_gen():
    g = gen(2)
    print(next(g))
    print(g.send(5))
    try:
        g.send(6)
    except StopIteration as e:
        print('stop', e.value)

def deep(n):
    return n if n == 0 else deep(n - 1)

lam = lambda z: z + 1

def while_loop(n):
    while n > 0:
        n -= 1
    else:
        pass
    return n

sys.settrace(tr)
outer(3)
with_stmt()
comp(2)
uses_gen()
deep(2)
lam(3)
while_loop(2)
sys.settrace(None)
print(sys.gettrace())
