if a and b or c and not d:
    f()
