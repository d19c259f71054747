# The pure-Python `profile` module: call counts per function (timings left out).
import profile
import pstats
import io

def leaf(n):
    return sorted(range(n, 0, -1))

def mid(n):
    return [len(leaf(i)) for i in range(n)]

def top():
    return sum(mid(4)) + len(leaf(3))

p = profile.Profile()
p.runcall(top)
st = pstats.Stats(p)
rows = []
for (filename, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
    if name in ('leaf', 'mid', 'top') or name.startswith('<built-in'):
        rows.append((name, cc, nc, sorted(c[2].split(' at ')[0] for c in callers)))
for r in sorted(rows):
    print(*r)
