def is_palindrome(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
def caesar(s, k):
    return "".join(chr((ord(c) - b + k) % 26 + b) if c.isalpha() else c for c in s for b in [ord("A") if c.isupper() else ord("a")])
def anagrams(words):
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return [g for g in groups.values() if len(g) > 1]
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"), rle("aaabccddddde"), caesar("Hello, World!", 3), caesar(caesar("Zebra", 5), -5))
print(anagrams(["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "dog"]))
