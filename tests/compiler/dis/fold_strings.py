a = 'ab' + 'cd'
b = 'x' * 3
c = 'abc'[1]
d = 'hello'[1:3]
e = b'ab' * 2
