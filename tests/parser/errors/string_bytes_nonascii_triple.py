x = b'''ok
naïve'''
