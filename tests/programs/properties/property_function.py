class P:
    def _get(self):
        return self._x
    def _set(self, v):
        self._x = v * 2
    x = property(_get, _set, None, "doc x")
    y = property(lambda self: "computed")
p = P()
p.x = 5
print(p.x, P.x.__doc__, p.y, P.x.fget is P._get, P.y.fset, P.x.fdel)
p2 = P.x.getter(lambda self: "new getter")
class Q(P):
    x = p2
q = Q()
q.x = 1
print(q.x, q._x)
class R:
    @property
    def boom(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "getattr fallback for " + name
print(R().boom)
