vals = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(vals)
print(s[:5], s[-5:], s == sorted(vals, key=lambda v: v), len(set(vals)))
words = ["%s%d" % ("xyz"[i % 3], i % 17) for i in range(60)]
print(sorted(words)[:8], sorted(words, key=lambda w: (len(w), w))[-4:])
recs = [{"n": i % 5, "id": i} for i in range(12)]
recs.sort(key=lambda r: r["n"])
print([r["id"] for r in recs])
