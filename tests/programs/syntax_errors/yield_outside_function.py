# expect-stderr
x = [1]
yield x
