# dict.__init__ and list.__init__ reached through super() from a subclass's own __init__.
class D(dict):
    def __init__(self, ns, **kw):
        super().__init__(ns, **kw)


class L(list):
    def __init__(self, items):
        super().__init__(items)
        super().__init__(items)


print(D({'a': 1}, b=2), L([1, 2]))
d = {'z': 0}
dict.__init__(d, [('a', 1)], b=2)
print(d)
l = [5]
list.__init__(l, range(3))
print(l)
for call in (lambda: list.__init__(l, 1, 2), lambda: list.__init__(l, x=1),
             lambda: dict.__init__(d, 1, 2), lambda: dict.__init__(d, [1])):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
