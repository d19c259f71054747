if x:
    # nothing here
