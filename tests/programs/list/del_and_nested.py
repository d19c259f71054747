m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], [row[1] for row in m], list(zip(*m)), [x for row in m for x in row])
del m[0][0], m[1]
print(m)
m[0][:] = []
print(m)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 5
print(grid)
