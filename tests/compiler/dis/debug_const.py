if __debug__:
    x = 1
