def solve(grid):
    for i in range(16):
        if grid[i] == 0:
            r, c = divmod(i, 4)
            used = {grid[r * 4 + k] for k in range(4)} | {grid[k * 4 + c] for k in range(4)}
            br, bc = r // 2 * 2, c // 2 * 2
            used |= {grid[(br + dr) * 4 + bc + dc] for dr in range(2) for dc in range(2)}
            for v in range(1, 5):
                if v not in used:
                    grid[i] = v
                    if solve(grid):
                        return True
            grid[i] = 0
            return False
    return True
puzzle = [1, 0, 0, 0,
          0, 0, 3, 0,
          0, 4, 0, 0,
          0, 0, 0, 2]
print(solve(puzzle))
for r in range(4):
    print(puzzle[r * 4:r * 4 + 4])
