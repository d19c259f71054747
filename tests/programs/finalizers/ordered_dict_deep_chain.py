# a deep OrderedDict chain (weakref-linked nodes) freed through the trashcan: deferred dead weak references are not revived
from collections import OrderedDict
class OD(OrderedDict):
    pass
for cls in (OrderedDict, OD):
    obj = None
    for _ in range(1000):
        obj = cls([(None, obj)])
    del obj
    print(cls.__name__, 'ok')
