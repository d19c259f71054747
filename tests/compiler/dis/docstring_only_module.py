'''Just a docstring.'''
