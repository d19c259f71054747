# A special method set to None blocks the operation with CPython's messages.
def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


class NoBool:
    __bool__ = None

    def __len__(self):
        return 1


class NoLen:
    __len__ = None


class NoIter:
    __iter__ = None

    def __getitem__(self, i):
        return i


class NoContains:
    __contains__ = None

    def __iter__(self):
        return iter([1, 2])


class NoReversed:
    __reversed__ = None

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


class NoHash:
    __hash__ = None


class NoGetitem:
    __getitem__ = None


class NoNext:
    __next__ = None

    def __iter__(self):
        return self


attempt("bool", lambda: bool(NoBool()))
attempt("not", lambda: not NoBool())
attempt("if", lambda: 1 if NoBool() else 0)
attempt("len", lambda: len(NoLen()))
attempt("bool of len", lambda: bool(NoLen()))
attempt("iter", lambda: iter(NoIter()))
attempt("list", lambda: list(NoIter()))
attempt("for", lambda: [x for x in NoIter()])
attempt("unpack", lambda: [*NoIter()])
attempt("in (no iter)", lambda: 1 in NoIter())
attempt("in", lambda: 1 in NoContains())
attempt("reversed", lambda: reversed(NoReversed()))
attempt("hash", lambda: hash(NoHash()))
attempt("getitem", lambda: NoGetitem()[0])
attempt("next", lambda: next(NoNext()))
attempt("for next", lambda: [x for x in NoNext()])


# A subclass can restore what its base blocked.
class Back(NoBool):
    def __bool__(self):
        return False


attempt("restored", lambda: bool(Back()))
