def f():
    return b'ab\x1'
