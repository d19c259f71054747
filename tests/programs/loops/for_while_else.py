for i in range(3):
    pass
else:
    print("for else ran", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
print("n", n)
for i in []:
    pass
else:
    print("empty for else")
for i in range(5):
    if i % 2:
        continue
    print("even", i)
for x, (y, z) in [(1, (2, 3)), (4, (5, 6))]:
    print(x + y + z)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
