# json: dumps/loads round trips, indent, separators, sort_keys, ensure_ascii, default, hooks,
# and JSONDecodeError positions.
import json
from collections import OrderedDict

obj = {'name': 'Taipan', 'list': [1, 2.5, -3, 1e100, True, False, None], 'nested': {'a': {'b': []}},
       'text': 'tab\there "quoted" \\ é € 😀 \x00\x1f', 'empty': {}, 'tuple': (1, 2)}
s = json.dumps(obj)
print(s)
print(json.loads(s) == {**obj, 'tuple': [1, 2]})
print(json.dumps(obj, ensure_ascii=False))
print(json.dumps(obj, indent=2, sort_keys=True))
print(json.dumps(obj, indent='\t', separators=(',', ': ')))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps({'b': 1, 'a': 2}, separators=(',', ':'), sort_keys=True))
print(json.dumps({1: 'int key', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps(float('inf')), json.dumps(float('-inf')), json.dumps(float('nan')))
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError:', e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print('TypeError:', e)
print(json.dumps({(1, 2): 3}, skipkeys=True))
try:
    json.dumps(object())
except TypeError as e:
    print('TypeError:', e)
print(json.dumps({1, 2, 3} and sorted({3, 1, 2})))
print(json.dumps(complex(1, 2), default=lambda o: [o.real, o.imag]))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(Enc().encode({'s': {3, 1}}), list(Enc(indent=1).iterencode([1, {'x': 2}])))
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print('ValueError:', e)

print(json.loads('[1, 2.0, "x", true, false, null, {"a": [{}]}, -0.5e3, 12345678901234567890]'))
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\t\\/"'))
print(json.loads(b'{"bytes": 1}'), json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": 1.5}', parse_float=str, object_hook=lambda d: sorted(d.items())))
print(json.loads('[1, 2]', parse_int=lambda s: int(s) * 10), json.loads('NaN'), json.loads('-Infinity'))
print(json.loads('  {"deep": [[[[[]]]]]}  '))

for bad in ['', '[1, 2', '{"a" 1}', '[1,]', '{"a": 1,}', 'tru', '"abc', '[1] x', '{1: 2}',
            '"\\ud800"', '01', '[1,\n 2,\n oops]', "{'a': 1}"]:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print('JSONDecodeError:', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} rest'), dec.decode(' [1] '))
