# ascii() and the !a conversion use repr() alone: neither __format__ nor __str__ is called.
class A:
    def __format__(self, spec):
        print("format called")
        return ""
    def __str__(self):
        print("str called")
        return "s"
    def __repr__(self):
        return "é\u2028\U0001f600"
print(ascii(A()))
print(f"{A()!a}")
