# threading.settrace / setprofile: hooks installed in threads started afterwards.
import sys
import threading

events = []
def tr(frame, event, arg):
    if frame.f_code.co_name == 'work':
        events.append((threading.current_thread().name, event, frame.f_lineno))
    return tr

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

threading.settrace(tr)
print(threading.gettrace() is tr)
t = threading.Thread(target=work, args=(2,), name='T1')
t.start(); t.join()
threading.settrace(None)
for e in events:
    print(*e)
print(sys.gettrace())

calls = []
def pr(frame, event, arg):
    if event in ('call', 'c_call'):
        calls.append((event, getattr(arg, '__name__', frame.f_code.co_name)))
threading.setprofile(pr)
t = threading.Thread(target=lambda: len([1, 2]), name='T2')
t.start(); t.join()
threading.setprofile(None)
print([c for c in calls if c[1] in ('<lambda>', 'len')])
