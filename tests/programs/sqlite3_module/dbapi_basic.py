# sqlite3 through the DB-API: execute/executemany, bindings and their errors, error classes and
# codes, transactions, Row, user functions, aggregates, collations, converters and adapters.
import sqlite3
c=sqlite3.connect(':memory:')
cur=c.execute('create table t(a integer primary key, b)')
print(cur.lastrowid, cur.rowcount, cur.description)
cur=c.execute('insert into t(b) values (?)', (5,)); print(cur.lastrowid, cur.rowcount)
cur=c.execute('select * from t'); print(cur.lastrowid, cur.rowcount, cur.description)
cur=c.executemany('insert into t(b) values (?)', [(1,),(2,)]); print(cur.lastrowid, cur.rowcount)
cur=c.execute('update t set b=b+1'); print(cur.lastrowid, cur.rowcount)
print(repr(sqlite3.Row))
try: c.execute('select 1; select 2')
except Exception as e: print(type(e).__name__, e)
try: c.execute('select ?', (1,2))
except Exception as e: print(type(e).__name__, e)
try: c.execute('select :a', {'b':1})
except Exception as e: print(type(e).__name__, e)
try: c.execute('select ?', (object(),))
except Exception as e: print(type(e).__name__, e)
try: c.execute('insert into t values (1, 2)')
except Exception as e: print(type(e).__name__, e, e.sqlite_errorcode, e.sqlite_errorname)
try: c.execute('selectx')
except Exception as e: print(type(e).__name__, e, e.sqlite_errorcode, e.sqlite_errorname)
print(c.execute("select * from t order by a").fetchall())
print(c.in_transaction, c.total_changes)
c.commit(); print(c.in_transaction)
c.row_factory = sqlite3.Row
r = c.execute("select a, b as Bee from t where a = ?", (2,)).fetchone()
print(r.keys(), r["bee"], r[0], tuple(r), len(r), r == c.execute("select a, b as Bee from t where a = 2").fetchone())
c.row_factory = None
c.create_function("twice", 1, lambda x: x * 2)
print(c.execute("select twice(b), twice('ab'), twice(1.5) from t").fetchall())
class Sum:
    def __init__(self): self.n = 0
    def step(self, v): self.n += v
    def finalize(self): return self.n
c.create_aggregate("mysum", 1, Sum)
print(c.execute("select mysum(b) from t").fetchone())
c.create_collation("rev", lambda a, b: (a < b) - (a > b))
c.execute("create table s(x)"); c.executemany("insert into s values (?)", [("a",), ("c",), ("b",)])
print(c.execute("select x from s order by x collate rev").fetchall())
c.create_function("bad", 0, lambda: 1/0)
try: c.execute("select bad()")
except Exception as e: print(type(e).__name__, e)
print(c.execute("select ?, ?, ?, ?, ?", (None, 1, 2.5, "s", b"\x00b")).fetchone())
c.text_factory = bytes
print(c.execute("select 'x', x'01'").fetchone())
c.text_factory = str
with c:
    c.execute("insert into s values ('w')")
print(c.execute("select count(*) from s").fetchone())
try:
    with c:
        c.execute("insert into s values ('z')")
        raise ValueError
except ValueError: pass
print(c.execute("select count(*) from s").fetchone())
print(list(c.iterdump())[:4])
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
import datetime
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
sqlite3.register_converter("point", lambda b: tuple(map(float, b.split(b";"))))
sqlite3.register_adapter(complex, lambda z: f"{z.real};{z.imag}")
c2.execute("create table p(v point)")
c2.execute("insert into p values (?)", (1+2j,))
print(c2.execute("select v from p").fetchone(), c2.execute('select v as "v [point]" from p').fetchone())
print(c2.execute('select v as "v [point]" from p').description)
c.close()
try: c.execute('select 1')
except Exception as e: print(type(e).__name__, e)
print(sqlite3.Error.__init__ is Exception.__init__, hasattr(sqlite3.Error(), 'sqlite_errorcode'))
cur = sqlite3.connect(":memory:").cursor(); cur.close()
try: cur.execute("select 1")
except Exception as e: print(type(e).__name__, e)
for row in sqlite3.connect(":memory:").execute("select 1 union select 2"):
    print(row)
