for i in range(3): pass
while i: i -= 1
improt os
