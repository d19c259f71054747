d = {}
print(d.setdefault("a"), d, d.setdefault("a", 5), d.setdefault("b", []).append(1), d)
print(d.get("b"), d.get("missing", "dflt"), d.get("a", "dflt"))
try:
    d.get()
except TypeError as e:
    print("TypeError", e)
try:
    d.setdefault()
except TypeError as e:
    print("TypeError", e)
