# expect-stderr
matrix = [[1, 2], [3, 4]]
table = {"row": matrix}
value = table["row"][1][5]
