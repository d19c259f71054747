import collections
c = collections.Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:5], c.total())
c2 = collections.Counter(a=1, b=5)
print(sorted((c + c2).items()), sorted((c - c2).items()), sorted((c & c2).items()))
dd = collections.defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dict(dd), dd["z"], len(dd), dd.default_factory)
od = collections.OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(list(od), od.popitem(last=False))
