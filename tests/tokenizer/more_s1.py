x = 'a\
'
y = b''
