match = 1
case = 2
type = 3
_ = 4
match, case = case, match
print(match, case, type, _)
