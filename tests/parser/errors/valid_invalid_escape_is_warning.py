x = '\d'
y = b'\q'
z = f'\{1}'
