class Shrink:
    def __init__(self, l):
        self.l = l
    def __eq__(self, other):
        self.l.clear()
        return False
lst = [1, 2, 3]
lst.insert(0, Shrink(lst))
print(5 in lst, len(lst))
lst = [1, 2, 3]
lst.append(Shrink(lst))
print(lst.count(4), len(lst))
