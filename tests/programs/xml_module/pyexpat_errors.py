import pyexpat
p = pyexpat.ParserCreate()
for v in ["x", 2, None, 1.5]:
    try: print(p.Parse(b"<a>", v))
    except Exception as e: print(type(e).__name__, e)
try: p.ErrorCode = 1
except Exception as e: print(type(e).__name__, e)
try: p.buffer_used = 1
except Exception as e: print(type(e).__name__, e)
try: p.intern = {}
except Exception as e: print(type(e).__name__, e)
try: p.Parse(1)
except Exception as e: print(type(e).__name__, e)
try: p.ParseFile(1)
except Exception as e: print(type(e).__name__, e)
class F:
    def read(self, n): print("read", n); return "<a>"
try: pyexpat.ParserCreate().ParseFile(F())
except Exception as e: print(type(e).__name__, e)
class G:
    def read(self, n): return b"x" * (n + 1)
try: pyexpat.ParserCreate().ParseFile(G())
except Exception as e: print(type(e).__name__, e)
q = pyexpat.ParserCreate()
print(q.SetBillionLaughsAttackProtectionActivationThreshold(10))
c = q.ExternalEntityParserCreate(None)
try: c.SetBillionLaughsAttackProtectionActivationThreshold(10)
except Exception as e: print(type(e).__name__, e)
try: print(q.SetBillionLaughsAttackProtectionMaximumAmplification(0.5))
except Exception as e: print(type(e).__name__, e)
print(q.GetBase(), q.SetBase("b"), q.GetBase(), q.GetInputContext())
print(q.SetParamEntityParsing(1), q.UseForeignDTD())
print(pyexpat.ErrorString(0), pyexpat.ErrorString(100))
try: pyexpat.ParserCreate(encoding="xyz").Parse(b"<a/>", 1)
except Exception as e: print(type(e).__name__, e)
r = pyexpat.ParserCreate(encoding="iso-8859-15"); r.StartElementHandler = lambda n, a: print(n, a); r.Parse(b"<a x='\xa4'/>", 1)
try: pyexpat.ParserCreate(encoding="utf-32").Parse(b"<a/>", 1)
except Exception as e: print(type(e).__name__, e)
r = pyexpat.ParserCreate(); r.StartElementHandler = lambda n, a: print(n, a); r.Parse("<é x='€'/>", 1)
print(p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
n = pyexpat.ParserCreate(); n.StartElementHandler=lambda *a: print("ctx", n.GetInputContext(), n.CurrentByteIndex, n.CurrentColumnNumber)
n.Parse(b"<a>\n <b/></a>", True)
print(pyexpat.XMLParserType.__name__, pyexpat.XMLParserType.__module__)
print(sorted(n for n in dir(pyexpat.ParserCreate()) if not n.startswith(("__", "Set", "Get"))))
