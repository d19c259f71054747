for e in [Exception(), Exception(""), Exception("a"), Exception("a", "b"), Exception(None), Exception(1, None), KeyError(""), KeyError(None), OSError(), OSError(1), OSError(1, "msg"), UnicodeError("u"), StopIteration(1, 2), SystemExit(), SystemExit("x")]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
