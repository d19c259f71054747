[x for x in y]
[x for x in y if x if not x]
[x for x in y for z in x]
{x for x in y}
{k: v for k, v in d.items() if k}
(x for x in y)
f(x for x in y)
[x async for x in y]
[await x for x in y]
[(x, y) for x, y in z]
[x for x, in y]
[x := 1 for y in z]
[x for x in (y if z else w)]
{x: y for x in a for y in b}
sum(x for x in range(10) if x % 2)
