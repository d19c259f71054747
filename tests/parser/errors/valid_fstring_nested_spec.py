w = 10
x = 3.5
print(f"{x!r:>{w}}")
print(f'{x:{w}.{2}f}')
