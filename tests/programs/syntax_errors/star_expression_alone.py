# expect-stderr
*a = [1, 2]
