# Fast paths must not apply to subclasses of the built-in types.


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"


class MyFloat(float):
    def __mul__(self, other):
        return "MyFloat.__mul__"

    def __eq__(self, other):
        return "MyFloat.__eq__"


class MyList(list):
    def __getitem__(self, i):
        return ("MyList", i)

    def __setitem__(self, i, v):
        print("MyList set", i, v)


class MyDict(dict):
    def __missing__(self, k):
        return ("missing", k)


class MyStr(str):
    def __eq__(self, other):
        return "MyStr.__eq__"


for _ in range(2):
    print(MyInt(1) + 2, MyFloat(1.5) * 2.0, MyFloat(1.0) == 1.0, 2.0 * MyFloat(3))
    ml = MyList([1, 2])
    print(ml[0])
    ml[0] = 5
    print(MyDict()[3], MyStr("a") == "a", "a" == MyStr("a"))
    print(True + True, True * 2.5, 1.5 < True, [1, 2][True])


