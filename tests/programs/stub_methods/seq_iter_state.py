class S:
    def __getitem__(self, i):
        if i >= 4: raise IndexError(i)
        return i * 10
class SL(S):
    def __len__(self): return 4
for mk in (lambda: iter(SL()), lambda: reversed((1, 2, 3)), lambda: reversed("abc"), lambda: reversed(SL())):
    for st in (-5, -1, 0, 1, 2, 3, 10):
        it = mk()
        r = it.__setstate__(st)
        print(type(it).__name__, st, r, it.__length_hint__(), list(it))
    it = mk()
    print(it.__length_hint__()); next(it); print(it.__length_hint__())
    try: it.__setstate__("x")
    except Exception as e: print(type(e).__name__, e)
    try: it.__setstate__()
    except Exception as e: print(type(e).__name__, e)
    try: it.__setstate__(2**70)
    except Exception as e: print(type(e).__name__, e)
    it = mk(); list(it); print(it.__length_hint__()); it.__setstate__(0); print(list(it))
it = iter(S())
print(it.__length_hint__(), next(it), it.__length_hint__())
import operator
print(operator.length_hint(iter(S()), 7), operator.length_hint(reversed([1, 2])))
l = [1, 2, 3]; it = reversed(l); next(it); l.clear(); print(it.__length_hint__(), list(it))
t = (1, 2, 3); it = reversed(t); it.__setstate__(1); print(list(it))
