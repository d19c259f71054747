def f():
    return f'{x!}'
