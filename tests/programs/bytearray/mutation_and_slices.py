# bytearray mutation: slice assignment and deletion with steps, methods, errors, comparisons
ba = bytearray(b"0123456789")
ba[2:5] = b""
print(ba)
ba[::3] = b"abc"
print(ba)
del ba[1::2]
print(ba)
ba[1:1] = [120, 121]
print(ba, ba.pop(), ba.pop(0), ba)
ba.extend(range(65, 68))
ba.insert(-1, 33)
ba.insert(100, 63)
print(ba, ba.index(b"B"), ba.rfind(b"x"), ba.count(65))
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba, ba < b"z", ba == bytearray(ba), b"?" in ba, 63 in ba)
for code in ["ba[0:2] = 5", "ba[0:2] = 'ab'", "ba[::2] = b'x'", "ba.extend('ab')", "ba.extend(5)", "ba.insert(0, 256)", "ba.remove(200)", "ba['a']", "ba.pop('x')", "bytearray(-1)", "bytearray([1, 300])", "bytearray('x')"]:
    try:
        exec(code)
        print(code, "ok", ba)
    except Exception as e:
        print(code, "->", type(e).__name__, e)
x = bytearray(b"ab")
y = x
x += b"cd"
print(x, y, x * 2, 2 * bytearray(b"z"), bytearray(b"abc")[1], bytearray(b"abc")[-2:], list(bytearray(b"hi")))
print(bytearray(b"  Hi There  ").strip().lower().split(b" "), bytearray(b"ab").center(6, b"."), bytearray(b"a-b").partition(b"-"), bytearray(b"x").join([b"1", bytearray(b"2")]))
