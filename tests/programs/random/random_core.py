# _random.Random: CPython's Mersenne Twister, exact sequences for int seeds, state round trips,
# getrandbits, argument errors, and Python subclasses (as random.Random is one).
import _random

r = _random.Random(5)
print(r.random(), r.getrandbits(70), len(r.getstate()), r.getstate()[-1])
for seed in (0, 1, -7, 2**100, 12345678901234567890, True):
    r.seed(seed); print(seed, [round(r.random(), 12) for _ in range(3)], r.getrandbits(16))
r.seed(3.5); print(r.random())
st = r.getstate(); a = [r.random() for _ in range(5)]; r.setstate(st); print(a == [r.random() for _ in range(5)])
print(r.getrandbits(0), r.getrandbits(1) in (0, 1), r.getrandbits(200).bit_length() <= 200)
for bad in ['r.getrandbits(-1)', 'r.setstate(1)', 'r.setstate((1, 2))', 'r.setstate(("a",) * 625)', '_random.Random(1, 2)',
            '_random.Random(x=1)', 'r.seed([1])', 'r.random(1)', 'r.getrandbits(1.5)', 'r.seed(1, 2)']:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)

class R(_random.Random):
    def __init__(self, x, tag):
        super().__init__(x)
        self.tag = tag
    def random(self):
        return super().random() * 10
q = R(5, 'q')
print(q.random(), q.tag, type(q).__mro__, isinstance(q, _random.Random))
class Plain(_random.Random):
    pass
print(Plain(5).random() == _random.Random(5).random(), Plain().getrandbits(8) < 256)
print(_random.Random.__name__, _random.Random.__module__, type(_random.Random.random).__name__)
