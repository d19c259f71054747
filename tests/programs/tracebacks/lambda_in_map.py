# expect-stderr
data = [1, 2, None]
print(list(map(lambda v: v * 2, data)))
