class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, v):
        a = self.a
        a.append(v)
        i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]
            i = (i - 1) // 2
    def pop(self):
        a = self.a
        a[0], a[-1] = a[-1], a[0]
        v = a.pop()
        i = 0
        while True:
            l, r, s = 2 * i + 1, 2 * i + 2, i
            if l < len(a) and a[l] < a[s]: s = l
            if r < len(a) and a[r] < a[s]: s = r
            if s == i: break
            a[s], a[i] = a[i], a[s]
            i = s
        return v
    def __len__(self):
        return len(self.a)
h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7, 3]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
h2 = MinHeap()
for w in "the quick brown fox jumps over the lazy dog".split():
    h2.push((len(w), w))
print([h2.pop() for _ in range(4)])
