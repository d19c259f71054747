a = {1: "a", 2: "b"}
b = {2: "b", 1: "a"}
print(a == b, list(a) == list(b), a.items() == b.items(), list(a.items()) == list(b.items()), a.keys() == b.keys())
print({1: [1, 2]} == {1: [1, 2]}, {1: 1} == {1: 1.0}, {1: 1} == {1.0: 1}, {"a": 1} != {"a": 2})
