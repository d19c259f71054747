class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int]([1, 2]), list[int].__origin__, dict[str, int].__args__)
try:
    int[str]
except TypeError as e:
    print("TypeError", e)
class MetaGet(type):
    def __getitem__(cls, item):
        return "metaclass getitem " + str(item)
class M(metaclass=MetaGet):
    def __class_getitem__(cls, item):
        return "class getitem"
print(M[0])
