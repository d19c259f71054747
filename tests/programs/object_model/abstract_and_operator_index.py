import operator
class I(int): pass
class X:
    def __index__(self): return 3.5
class Y:
    def __index__(self): return I(4)
print(type(operator.index(I(3))), operator.index(True), type(operator.index(True)))
for v in [X(), "s"]:
    try: operator.index(v)
    except TypeError as e: print(e)
class E(Exception): pass
E.__abstractmethods__ = frozenset({'f'})
print(repr(E(1)))
class L(list): pass
L.__abstractmethods__ = frozenset({'f'})
print(L([1]))
class A: pass
A.__abstractmethods__ = frozenset({'f', 'g'})
try: A()
except TypeError as e: print(e)
try: object.__new__(A)
except TypeError as e: print(e)
