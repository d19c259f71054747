for i in x:
    continue if i else break
