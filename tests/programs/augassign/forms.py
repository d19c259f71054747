x = 5
x += 1; x -= 2; x *= 3; x /= 2; x //= 2; x **= 2; x %= 7
print(x)
s = "ab"
s += "c"; s *= 2
print(s)
l = [1]
l2 = l
l += [2]
l *= 2
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"k": 1}
d["k"] += 10
d["n"] = d.get("n", 0) + 1
class O:
    v = 1
o = O()
o.v += 5
print(d, o.v, O.v)
b = 0b1010
b &= 0b0110; b |= 0b1000; b ^= 0b0001; b <<= 2; b >>= 1
print(bin(b))
m = [[1, 2], [3, 4]]
m[1][0] += 100
print(m)
