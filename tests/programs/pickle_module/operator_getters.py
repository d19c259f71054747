# itemgetter, attrgetter and methodcaller pickle and copy through __reduce__ (methodcaller with keywords via functools.partial)
import operator, pickle, copy
objs = [operator.itemgetter(1), operator.itemgetter(0, 'a'), operator.attrgetter('real'),
        operator.attrgetter('a.b', 'c'), operator.methodcaller('upper'),
        operator.methodcaller('replace', 'a', 'b'), operator.methodcaller('split', sep=',', maxsplit=1),
        operator.methodcaller('f', 1, k=2)]
for o in objs:
    r = o.__reduce__()
    print(repr(o), r[0] is type(o), r[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        o2 = pickle.loads(pickle.dumps(o, proto))
        assert repr(o2) == repr(o), (o2, o)
    print(repr(copy.copy(o)), repr(copy.deepcopy(o)))
print(pickle.loads(pickle.dumps(operator.methodcaller('split', sep=',', maxsplit=1)))('a,b,c'))
try:
    operator.itemgetter(1).__reduce__(1)
except TypeError as e:
    print(e)
