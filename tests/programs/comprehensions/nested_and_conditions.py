rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in rows for x in row if x % 2 if x > 2])
print([[x * y for x in range(1, 4)] for y in range(1, 4)])
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print(sorted({word[0] for word in "the quick brown fox jumps".split()}))
print([i for i in range(3) for i in range(i)])
