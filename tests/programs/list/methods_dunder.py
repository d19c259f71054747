l = [1, 2]
print(l.__len__(), l.__getitem__(0), l.__contains__(2), l.__add__([3]), l.__mul__(2), l.__eq__([1, 2]), l.__lt__(3), l.__iadd__([9]), l)
l.__setitem__(0, "a"); l.__delitem__(1); print(l, l.__reversed__().__next__(), list.__name__, type(l.__iter__()).__name__)
print(list.append, type(list.append).__name__, type(l.append).__name__, l.append.__name__, l.append.__qualname__)
