print(format(65, "c"), format(0x1F600, "c"), "%c" % 0x263A, f"{97:c}{98:c}")
try:
    format(-1, "c")
except OverflowError as e:
    print("OverflowError", e)
try:
    format(65, "+c")
except ValueError as e:
    print("ValueError", e)
print(format(10**20, "e"), format(10**20, ".3g"), format(2**64, "_d"), format(-(2**64), "x"), format(255, "#_b"))
