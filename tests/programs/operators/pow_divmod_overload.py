class P:
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
    def __rpow__(self, o):
        return ("rpow", o)
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __floordiv__(self, o):
        return ("floordiv", o)
    def __rlshift__(self, o):
        return ("rlshift", o)
    def __and__(self, o):
        return ("and", o)
    def __ror__(self, o):
        return ("ror", o)
    def __xor__(self, o):
        return ("xor", o)
p = P()
print(p ** 2, pow(p, 2, 5), 2 ** p, divmod(p, 3), divmod(3, p), p // 1, 1 << p, p & 1, 1 | p, p ^ 0)
