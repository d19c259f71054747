if {a} = b:
    pass
