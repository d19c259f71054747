for s in ["hello World", "ǅungla", "straße", "ΣΑΣ", "İx", "123abc", "", "ﬁne"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
