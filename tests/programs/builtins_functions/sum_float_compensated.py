print(sum([0.1]*10), sum([1, 0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([0.1, 2**70, 0.1]), sum([True, 2.5]), sum([1,2,3]), sum([], 0.0), sum([-0.0]), sum([-0.0], -0.0), sum([float('inf'), 1.0]), sum([1e308, 1e308, -1e308]))
print(sum([[1],[2]], []), sum(((1,),), ()), sum(range(10**5)), sum([2**62, 2**62]))
for bad in [(["a"], ""), ([b"a"], b""), ([1], bytearray())]:
    try: sum(*bad)
    except TypeError as e: print(e)
try: sum([1, "a"])
except TypeError as e: print(e)
