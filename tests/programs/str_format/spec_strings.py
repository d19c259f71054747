for spec in ["", "10", "<10", ">10", "^10", "*^11", ".2", "10.3", "-<6", "0>5"]:
    print(repr(format("hello", spec)))
try:
    format("x", "+")
except ValueError as e:
    print("ValueError", e)
try:
    format("x", "d")
except ValueError as e:
    print("ValueError", e)
