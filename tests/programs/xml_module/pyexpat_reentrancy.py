# Parse()/ParseFile() inside one of the parser's own handlers is refused; a sub-parser may
# parse there. Turning buffering off inside the character handler keeps the rest of the text.
import io
from xml.parsers import expat

p = expat.ParserCreate()
calls = []
def cd(data):
    calls.append(data)
    return p.Parse(data, False)
p.CharacterDataHandler = cd
try:
    for ch in "<a>x":
        p.Parse(ch, ch == "x")
except RuntimeError as e:
    print("RuntimeError", e, calls)

q = expat.ParserCreate()
q.CharacterDataHandler = lambda d: q.ParseFile(io.BytesIO(d.encode()))
try:
    q.ParseFile(io.BytesIO(b"<a>x</a>"))
except RuntimeError as e:
    print("RuntimeError", e)

parser = expat.ParserCreate()
sub = parser.ExternalEntityParserCreate(None)
def ext(*args):
    print("ext", args)
    sub.Parse('<!ENTITY inner "v">', True)
    return 1
parser.ExternalEntityRefHandler = ext
parser.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE q SYSTEM "q.dtd" [<!ENTITY ext SYSTEM "e.file">]><root>&ext;</root>', True)

r = expat.ParserCreate()
r.buffer_size = 2
r.buffer_text = True
seen = []
def consume(text):
    seen.append(text)
    if len(seen) == 1:
        r.buffer_text = False
r.CharacterDataHandler = consume
r.Parse(b"<r>a&#65;bc</r>", True)
print(seen, r.buffer_text)
