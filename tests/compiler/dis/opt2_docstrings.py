'''Mod.'''
def f():
    '''F.'''
    return 1
class C:
    '''C.'''
class D:
    '''D.'''
    x = 1
