# pwd and grp: the root entries, struct sequences, lookups that fail and argument errors.
import grp
import pwd

print(sorted(n for n in dir(pwd) if not n.startswith('__')))
print(sorted(n for n in dir(grp) if not n.startswith('__')))
root = pwd.getpwuid(0)
print(type(root).__name__, type(root).__module__, len(root), root.pw_name, root.pw_uid,
      root.pw_gid, root[0] == root.pw_name, pwd.struct_passwd.n_fields)
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall(), type(pwd.getpwall()).__name__)
g = grp.getgrgid(0)
print(type(g).__name__, len(g), g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam(g.gr_name) == g)
print(any(e.gr_gid == 0 for e in grp.getgrall()))
print(pwd.struct_passwd.__doc__)
for f in [lambda: pwd.getpwnam('nosuchuserx'), lambda: pwd.getpwuid(999999),
          lambda: pwd.getpwuid(-5), lambda: pwd.getpwuid('x'), lambda: pwd.getpwnam(1),
          lambda: pwd.getpwnam('a\0b'), lambda: grp.getgrnam('nosuchgrp'),
          lambda: grp.getgrgid(999999), lambda: grp.getgrgid('x'), lambda: pwd.getpwuid(2**40),
          lambda: grp.getgrgid(-5), lambda: pwd.getpwuid(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, repr(e))
