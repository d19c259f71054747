x = '''abc
def
'''
x = 'a\
