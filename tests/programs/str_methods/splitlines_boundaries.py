s = "a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(s.splitlines())
print(len(s.splitlines(True)), [len(x) for x in s.splitlines(True)])
print(b"a\nb\rc\r\nd\x0be".splitlines(), "\n".splitlines(), "\n\n".splitlines(True), "x\n".splitlines())
