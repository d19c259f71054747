match = [1, 2]
case = "case"
_ = "underscore"
print(match, case, _)
match match:
    case [1, x]:
        print("soft keyword subject, x =", x)
def type(x):
    return "shadowed type " + str(x)
print(type(5))
del type
match = {"match": 1}
match match:
    case {"match": m}:
        print("m =", m)
