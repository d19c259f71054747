import math
for width in (6, 10):
    for prec in (1, 3):
        print(f"[{math.pi:{width}.{prec}f}] [{math.e:<{width}.{prec}e}] [{-math.tau:^+{width}.{prec}g}]")
fill, align = "*", "^"
print(f"{'mid':{fill}{align}11}", f"{1234567:{','}}", f"{0.25:{'.0%'}}")
