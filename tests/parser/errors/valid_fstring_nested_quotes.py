a = {'k': 1}
print(f"{a['k']}")
print(f'{f'{f'{1}'}'}')
