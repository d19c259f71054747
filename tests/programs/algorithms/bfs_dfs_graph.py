graph = {"A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F"], "F": ["A"]}
def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for n in graph[node]:
            if n not in seen:
                seen.add(n)
                queue.append(n)
    return order
def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for n in graph[node]:
        if n not in seen:
            dfs(n, seen)
    return seen
def shortest(a, b):
    prev, queue = {a: None}, [a]
    while queue:
        n = queue.pop(0)
        if n == b:
            path = []
            while n:
                path.append(n)
                n = prev[n]
            return path[::-1]
        for m in graph[n]:
            if m not in prev:
                prev[m] = n
                queue.append(m)
print(bfs("A"), dfs("A"), shortest("A", "F"), shortest("D", "A"))
