nonlocal x
global y
__debug__ = 1
