# functools (partial, lru_cache, reduce, wraps, total_ordering, cached_property, singledispatch,
# cmp_to_key) and copy/deepcopy, on the pure-Python stdlib.
import functools, copy, operator
from collections import deque
from functools import partial, lru_cache, reduce, wraps, total_ordering, cached_property, singledispatch, cmp_to_key

def power(base, exp): return base ** exp
sq = partial(power, exp=2); cube = partial(power, exp=3)
print(sq(5), cube(2), sq.func is power, sq.args, sq.keywords, partial(sq, 3)())
print(reduce(operator.add, range(10)), reduce(operator.mul, [1, 2, 3, 4], 10), reduce(lambda a, b: a + b, [], 'x'))

calls = []
@lru_cache(maxsize=2)
def f(n):
    calls.append(n); return n * n
print(f(1), f(2), f(1), f(3), f(2), calls, f.cache_info())
f.cache_clear(); print(f.cache_info())
@lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info().misses)
@functools.cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20))

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Doc string."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(7))

@total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(V(1) < V(2), V(1) >= V(2), V(3) > V(2), V(2) <= V(2), sorted([V(3), V(1)], key=lambda v: v.n)[0].n)

class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print('computing'); return 3 * self.r ** 2
c = Circle(2); print(c.area, c.area, 'area' in c.__dict__)

@singledispatch
def show(x): return 'object'
@show.register(int)
def _(x): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([1]), show('s'), show(True))
print(sorted(['b', 'A', 'c'], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))

nested = {'a': [1, [2, 3]], 'b': (4, [5])}
sh = copy.copy(nested); dp = copy.deepcopy(nested)
nested['a'][1].append(9)
print(sh['a'] is nested['a'], dp['a'][1], sh['a'][1])
class Node:
    def __init__(self): self.children = []; self.parent = None
root = Node(); kid = Node(); kid.parent = root; root.children.append(kid)
r2 = copy.deepcopy(root)
print(r2 is root, r2.children[0].parent is r2, r2.children[0] is kid)
class WithCopy:
    def __init__(self, v): self.v = v
    def __copy__(self): return WithCopy(self.v + 100)
    def __deepcopy__(self, memo): return WithCopy(-self.v)
print(copy.copy(WithCopy(1)).v, copy.deepcopy(WithCopy(1)).v)
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is l)
print(copy.copy((1, 2)), copy.deepcopy((1, [2])), copy.copy(range(3)), copy.deepcopy(deque([[1]], 3)))
