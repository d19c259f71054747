# expect-stderr
data = list(range(10))
step = 0
print(data[::step])
