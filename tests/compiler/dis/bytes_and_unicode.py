a = b'\x00\xff'
b = '\u00e9\U0001f600'
c = 'café'
