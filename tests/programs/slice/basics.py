s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
print(s == slice(1, 10, 2), s == slice(1, 10), "abcdefghijk"[s], list(range(20))[slice(-3, None)])
print(hash(slice(1, 2)) == hash(slice(1, 2)))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).start = 5
except AttributeError as e:
    print("AttributeError", e)
class Getter:
    def __getitem__(self, k):
        return k
g = Getter()
print(g[1:2], g[::], g[:], g[1:2, 3], g[::-1], g["a":"b":"c"])
