if x:
    pass
    @dec
