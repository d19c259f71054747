# ParseFile, external entity parsers, character buffering, handler exceptions, errors/model
# submodules, and parsers kept alive by cycles through their handlers.
import gc
import io
import pyexpat
from xml.parsers import expat

print(expat.ExpatError is pyexpat.ExpatError, expat.error is expat.ExpatError)
print(expat.ExpatError.__module__, expat.ExpatError.__name__, issubclass(expat.ExpatError, Exception))
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.codes["mismatched tag"], expat.errors.messages[7])
print(expat.model.XML_CTYPE_SEQ, expat.model.XML_CQUANT_PLUS)
import sys
print("pyexpat.errors" in sys.modules, "xml.parsers.expat.model" in sys.modules)
print(expat.native_encoding, type(expat.version_info), len(expat.version_info), expat.EXPAT_VERSION.startswith("expat_"))
print([f for f in expat.features if f[0] == "sizeof(XML_Char)"])

# ParseFile in 2048-byte reads
events = []
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: events.append(("start", n, a))
p.EndElementHandler = lambda n: events.append(("end", n))
p.buffer_text = True
p.CharacterDataHandler = lambda d: events.append(("text", len(d)))
doc = b"<r>" + b"<i k='v'>" + b"x" * 5000 + b"</i>" * 1 + b"</r>"
print(p.ParseFile(io.BytesIO(doc)), events)

# buffering: text split by entity references is joined
for bt in (False, True):
    out = []
    q = expat.ParserCreate()
    q.buffer_text = bt
    q.CharacterDataHandler = out.append
    q.Parse("<a>one &amp; two &lt; three\nfour</a>", True)
    print(bt, out, q.buffer_used)

# buffer_size changes flush
q = expat.ParserCreate()
q.buffer_text = True
got = []
q.CharacterDataHandler = got.append
q.Parse("<a>abc", False)
print(q.buffer_used, got)
q.buffer_size = 100
print(q.buffer_used, got)
q.Parse("def</a>", True)
print(got)

# an exception in a handler stops the parse and propagates
class Stop(Exception):
    pass

def boom(name, attrs):
    if name == "b":
        raise Stop(name)
seen = []
q = expat.ParserCreate()
q.StartElementHandler = boom
q.EndElementHandler = seen.append
try:
    q.Parse("<a><b/><c/></a>", True)
except Stop as e:
    print("Stop", e, seen, q.StartElementHandler)

# external entities
def ext(context, base, sysid, pubid):
    print("ext", context, base, sysid, pubid)
    sub = parser.ExternalEntityParserCreate(context)
    sub.Parse(b"<inner>text</inner>", True)
    return 1

parser = expat.ParserCreate()
parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
parser.ExternalEntityRefHandler = ext
parser.StartElementHandler = lambda n, a: print("start", n)
parser.CharacterDataHandler = lambda d: print("text", repr(d))
parser.SetBase("http://example.com/")
print(parser.GetBase())
parser.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)

# handler returning a non-int from NotStandaloneHandler-style int handlers
r = expat.ParserCreate()
r.NotStandaloneHandler = lambda: 0
try:
    r.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE r SYSTEM "x"><r/>', True)
except expat.ExpatError as e:
    print("ExpatError", e, e.code == expat.errors.codes[expat.errors.XML_ERROR_NOT_STANDALONE])

# a cycle through a bound-method handler is collected
class Holder:
    def __init__(self):
        self.p = expat.ParserCreate()
        self.p.StartElementHandler = self.start
    def start(self, n, a):
        pass
import weakref
h = Holder()
w = weakref.ref(h)
del h
gc.collect()
print(w() is None)

# str data with non-ASCII, namespace triplets, ordered attributes
s = expat.ParserCreate(namespace_separator=" ")
s.ordered_attributes = True
s.StartElementHandler = lambda n, a: print(repr(n), a)
s.Parse("<x:ç xmlns:x='urn:é' x:a='ü' b='2'/>", True)
print(s.CurrentLineNumber, s.CurrentColumnNumber, s.ErrorCode)
