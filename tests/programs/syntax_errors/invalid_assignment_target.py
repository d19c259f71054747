# expect-stderr
f() = 5
