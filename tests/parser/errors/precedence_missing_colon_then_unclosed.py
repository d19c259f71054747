if x
    y = (
