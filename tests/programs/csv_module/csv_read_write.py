# csv over _csv: reading and writing with each quoting style, dialect options and their
# validation errors, the registry, DictReader/DictWriter and Sniffer.
import csv
import io

rows = [['a', 'b c', 'd,e'], ['1', '"q"', 'x\ny'], ['', None, 3.5], [], ['only']]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_STRINGS,
                csv.QUOTE_NOTNULL):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    w.writerows(rows)
    text = buf.getvalue()
    print(quoting, repr(text))
    try:
        print(list(csv.reader(io.StringIO(text, newline=''), quoting=quoting)))
    except ValueError as e:
        print('ValueError', e)
buf = io.StringIO()
w = csv.writer(buf, delimiter=';', quotechar="'", escapechar='\\', doublequote=False,
               lineterminator='\n')
w.writerow(["it's", 'a;b', 'c\\d'])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), delimiter=';', quotechar="'",
                      escapechar='\\', doublequote=False)))
buf = io.StringIO()
csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar='$').writerow(['a,b', 'c$d', 'e"f'])
print(repr(buf.getvalue()))
print(list(csv.reader(['a, b,  "c d"', ' x , y'], skipinitialspace=True)))
print(list(csv.reader(['"a""b",c', '"multi', 'line",z', 'p"q",r'])))
r = csv.reader(['1,2', '3,"4', '5"', ''])
print([(row, r.line_num) for row in r])
d = r.dialect
print(d.delimiter, repr(d.quotechar), d.escapechar, repr(d.lineterminator), d.quoting,
      d.doublequote, d.skipinitialspace, d.strict)
try:
    list(csv.reader(['"a"b'], strict=True))
except csv.Error as e:
    print('Error', e)
try:
    list(csv.reader(['"abc'], strict=True))
except csv.Error as e:
    print('Error', e)
try:
    list(csv.reader(['a\rb']))
except csv.Error as e:
    print('Error', e)
try:
    list(csv.reader([b'abc']))
except csv.Error as e:
    print('Error', e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e:
    print('Error', e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([''])
except csv.Error as e:
    print('Error', e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print('Error', e)
for kw in [dict(quotechar=''), dict(quotechar='ab'), dict(quotechar=1), dict(delimiter=''),
           dict(delimiter=1), dict(escapechar=''), dict(lineterminator=1), dict(quoting='x'),
           dict(quoting=10), dict(delimiter='\n'), dict(quotechar=None),
           dict(delimiter=',', quotechar=','), dict(escapechar='\r'), dict(lineterminator=None),
           dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(bogus=1)]:
    try:
        r = csv.reader([], **kw)
        print(kw, 'ok', r.dialect.quoting)
    except Exception as e:
        print(kw, type(e).__name__, e)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect('pipes').delimiter)
buf = io.StringIO()
csv.writer(buf, 'pipes').writerow([1, 'x'])
print(repr(buf.getvalue()))
csv.unregister_dialect('pipes')
for f in [lambda: csv.get_dialect('pipes'), lambda: csv.unregister_dialect('pipes'),
          lambda: csv.register_dialect(1), lambda: csv.writer(1), lambda: csv.reader(1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
old = csv.field_size_limit()
print(old, csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(['x' * 11]))
except csv.Error as e:
    print('Error', e)
csv.field_size_limit(old)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['name', 'n'])
dw.writeheader()
dw.writerows([{'name': 'a', 'n': 1}, {'name': 'b,c', 'n': 2}])
print(repr(out.getvalue()))
print([dict(r) for r in csv.DictReader(io.StringIO(out.getvalue()))])
sample = 'x;y;z\n1;2;3\n4;5;6\n'
dialect = csv.Sniffer().sniff(sample)
print(dialect.delimiter, csv.Sniffer().has_header(sample))
print(type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__,
      csv.Dialect.__mro__[1].__name__, csv.excel.delimiter, csv.excel_tab.delimiter)
