class E:
    def __eq__(self, other):
        print("eq called")
        return False
e = E()
l = [e]
print(e in l, l.count(e), l.index(e), l == [e])
nan = float("nan")
print([nan] == [nan], nan in [nan], [1, 2] == [1, 2.0], [[1]] == [[1]])
