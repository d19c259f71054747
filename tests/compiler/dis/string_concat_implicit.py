s = 'a' 'b'
b = b'a' b'b'
