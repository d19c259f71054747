d = {"a": 1}
print(d.__len__(), d.__getitem__("a"), d.__contains__("a"), d.__eq__({"a": 1}), d.__or__({"b": 2}), d.__ror__({"z": 0}), d.__lt__(d))
d.__setitem__("b", 2); d.__delitem__("a"); print(d, list(d.__iter__()), list(d.__reversed__()))
print(dict.__class_getitem__(int), dict[str, int], type(dict[str, int]).__name__)
