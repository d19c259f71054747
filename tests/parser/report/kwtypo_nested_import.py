x = [1, 2, 3]
if x:
    for i in x:
        pass
    improt sys
