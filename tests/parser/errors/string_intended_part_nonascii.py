print('ü' x 'é')
