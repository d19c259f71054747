x = (y for y in range(3) if (z := y))
[j for j in range(2) for k in (q := [1])]
