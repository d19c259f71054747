x, y, name = 10, 3.14159, "World"
print(f"Hello {name}!", f"{x} + {x} = {x + x}", f"{y:.2f}", f"{x!r}", f"{name!r:>10}", f"{name!a}", f"{'é'!a}")
print(f"{{braces}}", f"{x:{'>'}{10}}", f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{(lambda v: v * 2)(4)}", f"{x if x > 5 else 0}")
print(f"{x=}", f"{y=:.1f}", f"{name = }", f"{x + 1=}", f"{name=!s}", f"{x*2 = :>5}")
print(f"""multi
{name}""", rf"\n{x}", fr"{x}\t", f'{"nested"}', f"{f'{x}'}", f"{'a' 'b'}")
