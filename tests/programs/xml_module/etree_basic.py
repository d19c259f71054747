import xml.etree.ElementTree as ET
doc = """<?xml version="1.0"?>
<root xmlns:h="http://www.w3.org/TR/html4/" a="1">
  <h:table><h:tr><h:td>Apples</h:td><h:td>Bananas &amp; more</h:td></h:tr></h:table>
  <item id="1">one<!-- c --><sub/>tail</item>
  <item id="2"><![CDATA[<raw>]]></item>
  <?pi data?>
</root>"""
r = ET.fromstring(doc)
print(r.tag, r.attrib, len(r))
for e in r.iter():
    print(repr(e.tag), e.attrib, repr(e.text), repr(e.tail))
print(ET.tostring(r, encoding="unicode"))
print([i.get("id") for i in r.findall("item")])
print(r.find("{http://www.w3.org/TR/html4/}table") is not None)
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError", e, e.code, e.position)
p = ET.XMLPullParser(events=("start", "end", "start-ns"))
p.feed("<a xmlns='u'><b>x</b>")
p.feed("</a>")
for ev, el in p.read_events():
    print(ev, el if ev == "start-ns" else el.tag)
t = ET.ElementTree(ET.fromstring("<x><y>1</y><y>2</y></x>"))
import io
b = io.BytesIO(); t.write(b, encoding="utf-8", xml_declaration=True); print(b.getvalue())
print(ET.canonicalize("<a b='2' a='1'><c/></a>"))
it = ET.iterparse(io.BytesIO(b"<r><a>1</a><a>2</a></r>"), events=("end",))
print([(ev, el.tag, el.text) for ev, el in it])
x = ET.XML('<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode('latin-1'))
print(x.text)
