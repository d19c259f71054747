def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        if i > 100:
            break
        total += i
    else:
        total = -total
    while total > 0:
        total -= 3
        if total == 7:
            break
    else:
        total = 0
    while True:
        n -= 1
        if not n:
            return total
    return None

def conds(a, b):
    x = a if a else b
    if a is None:
        return 1
    elif a is not None and b:
        return 2
    return x or a and b
