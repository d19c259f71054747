s = "abc"
up = s.upper
print(up(), up.__self__, up.__name__, type(up).__name__, str.upper(s), str.upper.__qualname__)
l = []
push = l.append
for i in range(3):
    push(i)
print(l, push.__self__ is l)
d = {}.fromkeys
print(d("ab"), dict.fromkeys.__self__ is dict, type(dict.__dict__["fromkeys"]).__name__)
print((1).__add__(2), int.__add__(1, 2), (1).bit_length.__self__, type(int.bit_length).__name__)
