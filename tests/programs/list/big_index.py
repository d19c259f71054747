l = list(range(5))
print(l[-5], l[4], l[-6:100], l[2**70:], l[:-2**70])
try:
    l[2**70]
except IndexError as e:
    print("IndexError", e)
try:
    [0] * (2**62)
except MemoryError as e:
    print("MemoryError", e)
except OverflowError as e:
    print("OverflowError", e)
