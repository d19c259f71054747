class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
idx = (1, 2)
print(g[*idx], g[0, *idx], g[*idx, 3], g[1:2, ..., None], g[()], g[(1,)], g[1,])
import operator
print(operator.getitem(g, (1, 2)), g[{"k": 1}["k"]], g[lambda: 0].__name__)
