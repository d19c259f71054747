x = f'\N{BOGUS NAME}{a}'
