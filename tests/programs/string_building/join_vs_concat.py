parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for i in range(10):
    s += chr(ord("a") + i)
print(s, len(s))
acc = ""
for word in ["alpha", "beta", "gamma"]:
    acc = acc + word[0].upper() + word[1:] + " "
print(repr(acc.strip()))
table = "\n".join(f"{i:>3} {i * i:>5} {i ** 3:>7}" for i in range(1, 6))
print(table)
print("-" * 20, "=" * 0, "ab" * 3 + "c")
