if {1: 2} = b:
    pass
