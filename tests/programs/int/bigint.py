x = 2 ** 200
print(x)
print(x * x)
print(x // 3, x % 3)
print(-x // 7, -x % 7)
print(x - 1, (x - 1).bit_length(), x.bit_length())
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(f // (2 ** 40), f % 1000003)
print(10 ** 50 + 1, -(10 ** 50) - 1)
print(3 ** 100 == int("515377520732011331036461129765621272702107522001"))
print((7 ** 77) >> 100, (7 ** 77) << 3, (-(7 ** 77)) >> 100)
