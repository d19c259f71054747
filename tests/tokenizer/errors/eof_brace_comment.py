f'{a # x}'
