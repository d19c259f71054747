import pyexpat
p = pyexpat.ParserCreate(intern={})
def se(name, attrs):
    raise ValueError("boom")
p.StartElementHandler = se
p.EndElementHandler = print
try:
    p.Parse(b"<a/>", True)
except ValueError as e:
    print("VE", e)
print(p.StartElementHandler, p.EndElementHandler)
try:
    print(p.Parse(b"<a/>", True))
except Exception as e: print(type(e), e)
# intern None
p = pyexpat.ParserCreate(intern={})
p.NotationDeclHandler = lambda *a: print("nd", a)
p.UnparsedEntityDeclHandler = lambda *a: print("ued", a)
p.EntityDeclHandler = lambda *a: print("ed", a)
p.StartDoctypeDeclHandler = lambda *a: print("sdd", a)
p.XmlDeclHandler = lambda *a: print("xd", a)
p.ElementDeclHandler = lambda *a: print("eld", a)
p.AttlistDeclHandler = lambda *a: print("ald", a)
p.CommentHandler = lambda *a: print("c", a)
p.ProcessingInstructionHandler = lambda *a: print("pi", a)
p.SkippedEntityHandler = lambda *a: print("se", a)
p.DefaultHandler = lambda *a: print("d", a)
doc = b'''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE r [
<!NOTATION n SYSTEM "x">
<!ENTITY e "val">
<!ENTITY u SYSTEM "u.bin" NDATA n>
<!ENTITY % pe "x">
<!ELEMENT r (a|b)*>
<!ELEMENT a (#PCDATA|b)*>
<!ELEMENT b EMPTY>
<!ELEMENT c ANY>
<!ELEMENT d (a,b+,(c|a)?)>
<!ATTLIST r x CDATA "1" y (p|q) #REQUIRED>
]>
<r y="p"><!-- hi --><?tg data?>&e;&amp;<a>t</a></r>'''
p.Parse(doc, True)
print(sorted(map(repr, p.intern)))
p = pyexpat.ParserCreate()
p.ordered_attributes = 2
p.specified_attributes = []
print(p.ordered_attributes, p.specified_attributes)
p.buffer_text = 1
try: p.buffer_size = 0
except Exception as e: print(type(e), e)
try: p.buffer_size = "x"
except Exception as e: print(type(e), e)
p.buffer_size = 10
print(p.buffer_size)
p.CharacterDataHandler = lambda d: print("cd", repr(d))
p.StartElementHandler = lambda n, a: print("st", n, a)
p.Parse(b"<r a='1' b='2'>abcdefghijklmnopqrstuvwxyz<x/>12345</r>", True)
p = pyexpat.ParserCreate(namespace_separator="!")
p.StartElementHandler = lambda n, a: print("st", n, a)
p.StartNamespaceDeclHandler = lambda *a: print("sns", a)
p.EndNamespaceDeclHandler = lambda *a: print("ens", a)
p.namespace_prefixes = 1
p.Parse(b"<r xmlns='u1' xmlns:q='u2' q:a='1'><q:x/></r>", True)
for bad in [dict(namespace_separator="ab"), dict(encoding=1), dict(namespace_separator=1), dict(intern=1)]:
    try: pyexpat.ParserCreate(**bad)
    except Exception as e: print(type(e).__name__, e)
