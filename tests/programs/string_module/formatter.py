# string.Formatter: format/vformat, parse, get_field, conversions, custom subclasses, errors.
import string

f = string.Formatter()
print(f.format('{0} {name!r} {x[1]:>5} {{}} {y.real}', 1, name='n', x=[1, 2], y=3j))
print(f.format('{:{}}|{:>{w}}|', 'a', 4, 'b', w=3))
print(f.format('{0[a]} {0[0]}', {'a': 'A', 0: 'zero'}), f.format('{!a}', 'é'))
print(f.vformat('{a}-{b}', (), {'a': 1, 'b': 2}))
print(list(f.parse('a{b!r:>3}c{{d}}{}')))
print(list(f.parse('')), list(f.parse('plain')), list(f.parse('{0.x[1]}')))
print(f.get_field('0.real', (5,), {}), f.get_field('k[0]', (), {'k': 'xyz'}))
print(f.convert_field('x', 'r'), f.convert_field(3, None), f.format_field(3.14159, '.2f'))
for bad in ['{', '}', '{0!x}', '{0:{1:{2}}}', '{a', '{!}', '{0[}', '{0]x}', '{0.}']:
    try:
        print(f.format(bad, 1, 2, 3))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    f.format('{}{1}', 1, 2)
except ValueError as e:
    print(e)
try:
    f.format('{0}{}', 1, 2)
except ValueError as e:
    print(e)
try:
    f.format('{2}', 1)
except IndexError as e:
    print('IndexError', e)

class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, key.upper())
        return super().get_value(key, args, kwargs)
    def format_field(self, value, spec):
        return '<' + super().format_field(value, spec) + '>'
print(Upper().format('{a} {b} {0:03}', 7, b='bee'))

class Unused(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        print('used', sorted(map(str, used)))
Unused().format('{0}{x}', 1, 2, x=3)
