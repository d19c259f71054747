assert x
if __debug__:
    f()
def g():
    '''Doc.'''
    assert y, 'm'
    return __debug__
