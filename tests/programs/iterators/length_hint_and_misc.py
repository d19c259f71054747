import operator
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter([1, 2])), operator.length_hint(x for x in []), operator.length_hint(object(), 7))
it = iter([1, 2, 3])
next(it)
print(it.__length_hint__(), len(list(it)))
print(list(map(operator.itemgetter(1), [(1, 2), (3, 4)])), list(map(operator.attrgetter("real"), [1, 2j])), operator.methodcaller("upper")("abc"))
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=operator.itemgetter(0, 1)))
