s = f'hello'
t = f''
