vals = [1e100, 1.0, -1e100, 1.0]
print(sum(vals), sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([], 0.0), sum(range(5), 0.5))
print(sum([1e308, 1e308]), sum([float("inf"), -float("inf")]))
