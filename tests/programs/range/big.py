r = range(10**20)
print(len(range(2**62)), r[-1], r[10**19], 10**19 in r, r.index(12345), range(-10**20, 10**20, 7)[5], range(0, 10**30, 10**10)[-1])
try:
    len(range(2**64))
except OverflowError as e:
    print("OverflowError", e)
print(range(2**64)[2**63], 2**64 - 1 in range(2**64), reversed(range(2**64)).__next__())
print(range(3, 10**20)[::10**19])
