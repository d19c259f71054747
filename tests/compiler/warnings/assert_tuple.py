assert (a, b)
assert ()
assert (a, 'msg')
