x = 1
print(f'{x = }', f'{x=!r:^9}', f'{(y:=5)}')
