class Weird:
    def __eq__(self, other):
        return True
w = Weird()
match w:
    case None:
        print("None matched by identity? no")
    case True:
        print("True is identity too")
    case 5:
        print("literal uses ==, so Weird() == 5")
match 1:
    case True:
        print("1 is not True")
    case 1:
        print("1 matched 1")
match 0.0:
    case -0.0:
        print("-0.0 pattern matches 0.0 (==)")
match float("nan"):
    case x if x != x:
        print("nan via guard")
