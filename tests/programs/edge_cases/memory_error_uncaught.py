# expect-stderr
print("allocating")
data = [1, 2, 3] * (2 ** 61)
