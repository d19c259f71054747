def queens(n):
    sols = []
    def place(row, cols, d1, d2, acc):
        if row == n:
            sols.append(acc)
            return
        for c in range(n):
            if c not in cols and row - c not in d1 and row + c not in d2:
                place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, acc + [c])
    place(0, frozenset(), frozenset(), frozenset(), [])
    return sols
for n in range(1, 8):
    print(n, len(queens(n)))
first = queens(6)[0]
for c in first:
    print("".join("Q" if i == c else "." for i in range(6)))
