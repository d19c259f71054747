s = f'{a}'
t = f'x{a}y{b!r}z{c:>10}'
u = f'{a!s:{w}}'
