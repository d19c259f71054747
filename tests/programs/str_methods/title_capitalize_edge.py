for s in ["hello world", "HELLO", "o'neil mcdonald", "x1y2 z3", "ÉCOLE élève", "ǉubav", "  spaced  out", "3rd place"]:
    print(repr(s.title()), repr(s.capitalize()), s.istitle())
