rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 100, 0.1)]
print(f"{'item':<10}|{'qty':>5}|{'price':>7}|{'total':>8}")
print("-" * 33)
for name, q, p in rows:
    print(f"{name:<10}|{q:>5d}|{p:>7.2f}|{q * p:>8.2f}")
print("-" * 33)
print(f"{'sum':<10}|{sum(r[1] for r in rows):>5}|{'':>7}|{sum(r[1] * r[2] for r in rows):>8.2f}")
print("%-10s|%5d|%7.3f" % ("pct", 42, 3.14159))
print("{:^33}".format("centered title"), "{:=^33}".format(" eq "))
