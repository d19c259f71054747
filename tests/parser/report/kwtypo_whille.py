x = 10
whille x > 0:
    x -= 1
