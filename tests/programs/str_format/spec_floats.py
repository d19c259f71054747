vals = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e16, float("inf"), float("nan")]
for spec in ["", "f", ".1f", "e", ".2e", "g", ".3g", "#g", "%", ".0%", "+.1f", "08.2f", ",.2f", "_.3f", ">12.4", "z.1f", "#.0f", "G", "E", "F"]:
    print(spec.ljust(6), " ".join(format(v, spec) for v in vals))
