# expect-stderr
x = 1
nonlocal x
