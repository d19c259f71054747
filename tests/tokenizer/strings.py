'a' "b" '''c''' """d"""
b'x' B"x" r'\d' R'x' u'x' U'x' br'x' Br'x' rb'x' RB'x' bR'x'
'a\'b' "a\"b" '\\' 'a\
b'
'''multi
line
''' + """x
"y"
"""
'été' '😀'
'' "" '''''' """"""
