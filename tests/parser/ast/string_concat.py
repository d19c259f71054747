"a" "b"
'a' "b" '''c''' """d"""
b"a" b'b'
u"a" "b"
"a" u"b"
r"\n" "\n"
"""multi
line""" "x"
("implicit"
 "continuation")
"\x41\u0042\U00000043\N{LATIN SMALL LETTER A}\101"
b"\x00\xff\n"
""
b""
"" ""
