for spec in ["d", "5d", "<5d", "^5d", "=+6d", "06d", "x", "#x", "#010x", "X", "o", "#o", "b", "#b", "c", ",", "_", "_x", "_b", "+,", " ", "n", "e", ".2f", "%"]:
    print(spec.ljust(6), repr(format(1234, spec)), repr(format(-42, spec)) if spec != "c" else "")
try:
    format(1, ".2d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1, ",b")
except ValueError as e:
    print("ValueError", e)
