class NoArgs:
    pass
class TooMany:
    __match_args__ = ("a",)
    a = 1
class BadArgs:
    __match_args__ = ["a"]
for obj, label in [(NoArgs(), "NoArgs"), (TooMany(), "TooMany"), (BadArgs(), "BadArgs")]:
    try:
        match obj:
            case NoArgs(x):
                print("matched NoArgs")
            case TooMany(a, b):
                print("matched TooMany")
            case BadArgs(a):
                print("matched BadArgs")
    except TypeError as e:
        print(label, "TypeError", e)
try:
    match 5:
        case int(x, y):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print("TypeError", e)
