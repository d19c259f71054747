# The stdlib `trace` module counting lines and listing calls.
import sys
import trace

def collatz(n):
    steps = 0
    while n != 1:
        if n % 2:
            n = 3 * n + 1
        else:
            n //= 2
        steps += 1
    return steps

def main():
    return [collatz(i) for i in range(1, 6)]

t = trace.Trace(count=1, trace=0, countfuncs=0, countcallers=0)
print(t.runfunc(main))
counts = t.results().counts
for (filename, lineno), n in sorted(counts.items()):
    if filename == __file__:
        print(lineno, n)

t = trace.Trace(count=0, trace=0, countfuncs=1)
t.runfunc(main)
for (filename, mod, func) in sorted(t.results().calledfuncs):
    if filename == __file__:
        print(mod, func)

t = trace.Trace(count=0, trace=0, countcallers=1)
t.runfunc(main)
for ((f1, m1, fn1), (f2, m2, fn2)) in sorted(t.results().callers):
    if f1 == f2 == __file__:
        print(fn1, '->', fn2)
print(sys.gettrace())
