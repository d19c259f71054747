f'\{x}' f'\N{BULLET} {x}' f'\n{x}\t' rf'\{x}' f'\\{x}'
f'{x}\\' f'a\'b{x}' f"\"{x}"
