def make_accumulators():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(x)
        return total
    def undo():
        nonlocal total
        total -= history.pop()
        return total
    return add, undo, lambda: (total, list(history))
add, undo, state = make_accumulators()
add(5); add(10); add(-3)
print(state())
undo()
print(state(), undo(), state())
