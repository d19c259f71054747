# int.from_bytes on a subclass (and bool) returns what the class makes of the value.
print(bool.from_bytes(b'\x00' * 8, 'big'), bool.from_bytes(b'abcd', 'little'))
print(type(bool.from_bytes(b'\x01', 'big')).__name__)

class MyInt(int):
    def __new__(cls, v):
        print("MyInt.__new__", v)
        return super().__new__(cls, v)

x = MyInt.from_bytes(b'\x01\x00', 'big')
print(type(x).__name__, x)
print(MyInt.from_bytes(b'\xff', 'big', signed=True))

class Odd(int):
    def __new__(cls, v):
        return "made " + str(v)
print(Odd.from_bytes(b'\x02', 'little'))
print(type(int.from_bytes(b'\x05', 'big')).__name__)
