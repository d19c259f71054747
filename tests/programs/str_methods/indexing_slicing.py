s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:-1], s[5:2], s[1:8:3], s[8:1:-2], s[100:], s[-100:2])
print(s[slice(2, None)], s[slice(None, None, -3)], len(s), "é"[0], "😀x"[1], len("😀"))
for bad in ["s[10]", "s[-11]", "s['a']", "s[::0]", "s[1.5]"]:
    try:
        eval(bad)
    except (IndexError, TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError", e)
