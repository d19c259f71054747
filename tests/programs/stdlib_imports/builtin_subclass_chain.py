class Mix:
    __slots__ = ()


class S(str, Mix):
    pass


class S2(S):
    pass


m = str.__new__(S2, 'x')
m.tag = 1
print(type(m).__name__, m, m.tag, m + 'y', type(m + 'y').__name__)


class I(int):
    pass


class I2(I):
    pass


n = int.__new__(I2, 7)
n.extra = 'e'
print(type(n).__name__, n, n.extra, n + 1, type(n + 1).__name__)


class T2(tuple):
    pass


class T3(T2):
    pass


t = tuple.__new__(T3, [1, 2])
print(type(t).__name__, t, len(t))
