f'\N{DASH}{x}\N{EM DASH}' f'\N{x}' rf'\N{x}'
