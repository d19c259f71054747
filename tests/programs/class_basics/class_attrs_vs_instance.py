class Counter:
    shared = []
    count = 0
    def __init__(self):
        Counter.count += 1
        self.own = []
a, b = Counter(), Counter()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own, Counter.count, a.count)
a.count = 100
print(a.count, b.count, Counter.count)
print("shared" in Counter.__dict__, "own" in Counter.__dict__, "own" in a.__dict__)
