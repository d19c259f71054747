def outer():
    x = 0
    class Inner:
        def bump(self):
            nonlocal x
            x += 1
            return x
    i = Inner()
    i.bump(); i.bump()
    fns = []
    for k in range(3):
        def add(k=k):
            nonlocal x
            x += k
        fns.append(add)
    for fn in fns:
        fn()
    return x
print(outer())
