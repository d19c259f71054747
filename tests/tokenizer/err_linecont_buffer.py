x = '''a
b''' \ y
