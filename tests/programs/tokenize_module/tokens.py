# tokenize.generate_tokens / tokenize.tokenize on Taipan's tokenizer (through _tokenize).
import io
import tokenize

src = '''\
def f(x):
    return x+1 # c

if a:
  """m
l"""
  pass
x = (1,
 2)
s = f"a{b!r:>{w}}c" + 'é' * 3
@dec
async def g(): await h(); yield
'''
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[t.type], tokenize.tok_name[t.exact_type], repr(t.string), t.start, t.end, repr(t.line))

for t in tokenize.tokenize(io.BytesIO('# -*- coding: utf-8 -*-\nx = "ü"\n'.encode()).readline):
    print(t)

print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO('x = ( 1 ,2 )\n').readline)))

for bad in ['x = (1,\n', '"""abc\n', 'if x:\n    a\n  b\n']:
    try:
        for t in tokenize.generate_tokens(io.StringIO(bad).readline):
            print(t.string, end=' ')
    except (tokenize.TokenError, SyntaxError) as e:
        print()
        print(type(e).__name__, e.args)
