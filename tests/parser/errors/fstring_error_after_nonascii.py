s = f'ñandú {}'
