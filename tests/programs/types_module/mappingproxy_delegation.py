# mappingproxy hashes as its mapping and calls a dict subclass's own get; SimpleNamespace
# equality checks real types, not a claimed __class__.
import types


class D(dict):
    def get(self, key, default=None):
        return 'get=' + str(dict.get(self, key, default))

    def __hash__(self):
        return 12345


view = types.MappingProxyType(D({'k': 'v'}))
print(view.get('k'), view.get('x'), hash(view))
try:
    hash(types.MappingProxyType({'a': 1}))
except TypeError as e:
    print('TypeError', e)
print(types.MappingProxyType({'a': 1}).get('a'), types.MappingProxyType({}).get('a', 0))


class Fake(str):
    __class__ = types.SimpleNamespace


print(types.SimpleNamespace() == Fake(), types.SimpleNamespace() != Fake())
print(types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
