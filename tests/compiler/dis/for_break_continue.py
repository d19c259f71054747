for i in x:
    if i:
        continue
    if i > 3:
        break
    f(i)
