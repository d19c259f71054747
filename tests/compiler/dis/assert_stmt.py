assert x
assert y, 'message'
