match[x]
case[x] = 1
match(x)
type(x)
match.x = case.y
