# string.Template: substitute, safe_substitute, identifiers, subclasses with other
# delimiters, patterns and flags.
import string

t = string.Template('$who likes ${what}; $$ is money')
print(t.substitute(who='tim', what='pie'))
print(t.substitute({'who': 'ann', 'what': 'cake'}), t.safe_substitute(who='x'))
print(t.template, t.get_identifiers(), t.is_valid())
for tmpl, kw in [('$who', {}), ('$', {}), ('${who', {'who': 1}), ('x $1', {}), ('a\n  $!', {})]:
    try:
        print(string.Template(tmpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Template('$a $b $').safe_substitute(a=1), string.Template('${a}x').substitute(a=2))
print(string.Template('$ab$a').get_identifiers(), string.Template('$1 $').is_valid())

class Percent(string.Template):
    delimiter = '%'
print(Percent('%a and %{b} 100%%').substitute(a=1, b=2))

class Dotted(string.Template):
    idpattern = r'[a-z]+(?:\.[a-z]+)*'
print(Dotted('$x.y and $z').substitute({'x.y': 'XY', 'z': 'Z'}))

class Upper(string.Template):
    flags = 0
    idpattern = r'[A-Z]+'
print(Upper('$ABC $abc').safe_substitute(ABC='ok', abc='no'))

class Custom(string.Template):
    pattern = r'''
    \[(?:
      (?P<escaped>\[) |
      (?P<named>[a-z]+)\] |
      (?P<braced>[a-z]+)\] |
      (?P<invalid>)
    )'''
print(Custom('[[ [x] [y]').substitute(x=1, y=2))
print(str(string.Template('$x').substitute(x=3.5)), string.Template('$x$y').substitute(x=[1], y=None))
