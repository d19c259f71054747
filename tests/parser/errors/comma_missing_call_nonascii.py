print('é' 'ü' x y)
