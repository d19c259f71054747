for v in [0, 1, -1, 255, -255, 2**64, True]:
    print(bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError", e)
