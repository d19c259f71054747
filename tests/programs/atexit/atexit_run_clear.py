# atexit._run_exitfuncs runs and forgets the callbacks; _clear drops them; sys.exit's status
# is kept while the callbacks run.
# expect-stderr
import atexit
import sys

atexit.register(print, 'one')
atexit.register(print, 'two')
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, 'dropped')
atexit._clear()
print(atexit._ncallbacks())
atexit.register(print, 'at exit', sep='|', end='!\n')
sys.exit(3)
