# Trace callbacks see the statements the module issues for implicit transactions; progress
# handlers can abort; authorizers can deny; isolation levels are stored in upper case.
import sqlite3

con = sqlite3.connect(":memory:")
traced = []
con.set_trace_callback(traced.append)
con.execute("create table t(x)")
con.execute("insert into t values (1)")
con.commit()
con.isolation_level = "immediate"
print(con.isolation_level)
con.execute("insert into t values (?)", (2,))
con.rollback()
con.set_trace_callback(None)
con.execute("select 1")
print(traced)

calls = []
def progress():
    calls.append(1)
    return len(calls) > 3
con.set_progress_handler(progress, 1)
try:
    con.execute("with recursive c(n) as (select 1 union all select n + 1 from c where n < 10000) select count(*) from c").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.set_progress_handler(None, 1)

def auth(action, a1, a2, db, source):
    if action == sqlite3.SQLITE_READ and a2 == "secret":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
con.execute("create table u(public, secret)")
con.set_authorizer(auth)
print(con.execute("select public from u").fetchall())
try:
    con.execute("select secret from u")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
con.set_authorizer(None)

auto = sqlite3.connect(":memory:", autocommit=False)
print(auto.autocommit, auto.in_transaction)
auto.execute("create table a(x)")
auto.commit()
print(auto.in_transaction)
auto.autocommit = True
print(auto.in_transaction)
for bad in (1, b"", "abc"):
    try:
        con.isolation_level = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(con.isolation_level)
