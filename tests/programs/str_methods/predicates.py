tests = ["abc", "ABC", "Abc Def", "123", "١٢٣", "½", "x1", " ", "\t\n", "", "abc def", "_id", "1id", "if", "ǅ", "\u00b2", "é"]
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
