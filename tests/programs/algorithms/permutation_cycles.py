def cycles(perm):
    seen, out = set(), []
    for s in range(len(perm)):
        if s not in seen:
            c, x = [], s
            while x not in seen:
                seen.add(x)
                c.append(x)
                x = perm[x]
            out.append(tuple(c))
    return out
import itertools, math
p = [2, 0, 1, 4, 3, 5]
print(cycles(p), math.lcm(*map(len, cycles(p))))
counts = {}
for perm in itertools.permutations(range(5)):
    k = len(cycles(perm))
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items()))
