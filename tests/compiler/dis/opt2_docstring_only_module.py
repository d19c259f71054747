
'''Only.'''
