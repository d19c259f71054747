class Evil:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
d[Evil(d)] = 1
try:
    print(Evil(d) in d)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))
