# _json, the accelerator json uses: scanner and encoder types, scanstring, the escapes, errors and notes
import _json, json
print(_json.make_scanner, _json.make_encoder, repr(_json.__doc__), [n for n in dir(_json) if not n.startswith('__')])
print(_json.make_scanner.__module__, _json.make_scanner.__qualname__, _json.scanstring.__module__)
import json.decoder as d
class C: strict=True; object_hook=None; object_pairs_hook=None; parse_float=float; parse_int=int; parse_constant=d._CONSTANTS.__getitem__; memo={}
s=_json.make_scanner(C())
for t in ['[,', '{"a" 1}', 'x', '[1,]', '"\\x"', '"\\u12"', '"a\x01"','"abc', '-', '-0.5e', '1.5e+3x', '{"a":1,}', '[1 2]', '{"a":[1,{"b":null}],"c":-Infinity}', '01', '1.', '-Inf']:
  try: print(repr(t), s(t,0))
  except BaseException as e: print(repr(t), type(e).__name__, e, getattr(e,'value',None))
for a in [('abc',5),('abc',-1),('"',0), ('a"',0), ('\\ud834\\udd1e"', 0)]:
  try: print(_json.scanstring(*a))
  except BaseException as e: print(type(e).__name__, e)
for a in [(b'x',1), ('x', 2**70), ('x', 1.0)]:
  try: _json.scanstring(*a)
  except BaseException as e: print(type(e).__name__, e)
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
  print(f('a"\\\n\x01\u00e9\U0001d11e'))
  try: f(1)
  except BaseException as e: print(type(e).__name__, e)
for args in [(None,None,None,1,':',',',0,0,0),(None,None,None,None,b':',',',0,0,0),(None,None,None,None,':',1,0,0,0), (1,None,None,None,':',',',0,0,0)]:
  try: _json.make_encoder(*args)
  except BaseException as e: print(type(e).__name__, e)
e=_json.make_encoder({},str,_json.encode_basestring,None,':',',',0,0,1)
print(e([1,2.5,float('nan'),{1:2,2.5:3,None:1,True:2, 'x':(1,)}, True, None, 'é'],0))
for args in [(1.0,), ({(1,):1},0), ([{1: [float('inf')]}],0)]:
  try: e(*args)
  except BaseException as x: print(type(x).__name__, x, getattr(x,'__notes__',''))
e=_json.make_encoder(None,str,_json.encode_basestring,None,':',',',0,0,False)
try: e([{1: [float('inf')]}],0)
except BaseException as x: print(type(x).__name__, x, getattr(x,'__notes__',''))
a=[]; a.append(a)
e=_json.make_encoder({},str,_json.encode_basestring,'  ',':',',',1,1,1)
try: e(a,0)
except BaseException as x: print(type(x).__name__, x, getattr(x,'__notes__',''))
print(e({'b':[1,{}], 'a':{'z':[]}},1))
print(json.dumps({'a':[1,2,{'b':None}]}, indent=2, sort_keys=True), json.loads('{"x": [1.5, 2, "s\\u00e9"]}'))
