x = 1234.5678
print(format(x, ".2f"), format(x, "10.1f"), format(x, "<10.1f") + "|", format(x, "e"), format(x, ".3E"))
print(format(x, "g"), format(x, ".3g"), format(1e-10, "g"), format(1e20, "g"), format(x, ",.2f"), format(x, "_.1f"))
print(format(0.125, "%"), format(0.125, ".1%"), format(-x, "+.0f"), format(x, " .0f"), format(x, "015.3f"))
print(format(x, ""), format(1e100, ""), format(2.0, ""), format(2.0, "g"), format(2.0, "#g"), format(0.0, ".0e"))
print(format(float("nan"), "f"), format(float("inf"), "F"), format(-0.0, "f"), format(-0.0, "z.1f"), format(1.5, "=+10.2f"))
print(f"{3.14159:.{3}f}", f"{2.5:^10}", f"{1/3:.17g}", f"{0.1:.20f}")
