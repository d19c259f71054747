x = '''line one
line two \x
'''
