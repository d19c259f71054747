if x:
    @dec
y = 1
