from xml.dom import minidom
d = minidom.parseString("<!DOCTYPE r [<!ENTITY e 'ent'>]><r a='1'><b>t &e; x</b><!--c--><?p q?><c xmlns='u'/></r>")
print(d.documentElement.tagName, d.documentElement.getAttribute("a"))
print(d.toxml())
print(d.toprettyxml(indent=" "))
print([n.nodeType for n in d.documentElement.childNodes])
import xml.sax
class H(xml.sax.ContentHandler):
    def startElement(self, name, attrs): print("start", name, dict(attrs))
    def endElement(self, name): print("end", name)
    def characters(self, c): print("chars", repr(c))
xml.sax.parseString(b"<a x='1'>hi<b>there</b></a>", H())
try:
    xml.sax.parseString(b"<a>", H())
except xml.sax.SAXParseException as e:
    print("SAX", e)
import plistlib
data = plistlib.dumps({"a": 1, "b": [1.5, "x", True], "c": b"bytes"})
print(data.decode())
print(plistlib.loads(data))
import xmlrpc.client
s = xmlrpc.client.dumps((1, "two", [3.0]), "meth")
print(s)
print(xmlrpc.client.loads(s))
from xml.parsers import expat
print(expat.ErrorString(expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]))
import xml.parsers.expat.errors as ee
print(ee.messages[3])
