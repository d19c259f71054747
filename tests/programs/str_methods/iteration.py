s = "naïve ✓"
print(list(s), [c for c in s if c.isalpha()], list(reversed(s)), list(enumerate("ab")))
it = iter("xy")
print(next(it), next(it), next(it, "done"))
print("".join(sorted(set("mississippi"))), {c: s.count(c) for c in "aei"})
