# A bdb.Bdb subclass recording where it stops (step, next, return, breakpoints).
import bdb
import os

def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def work():
    a = fact(3)
    b = [fact(i) for i in range(3)]
    try:
        {}['k']
    except KeyError:
        a += 1
    return a, b

class Rec(bdb.Bdb):
    def __init__(self, plan):
        super().__init__()
        self.plan = list(plan)
    def show(self, kind, frame, extra=''):
        print(kind, frame.f_code.co_name, frame.f_lineno, extra)
    def next_cmd(self, frame):
        cmd = self.plan.pop(0) if self.plan else 'continue'
        if cmd == 'step':
            self.set_step()
        elif cmd == 'next':
            self.set_next(frame)
        elif cmd == 'return':
            self.set_return(frame)
        else:
            self.set_continue()
    def user_call(self, frame, args):
        self.show('call', frame)
        self.next_cmd(frame)
    def user_line(self, frame):
        self.show('line', frame)
        self.next_cmd(frame)
    def user_return(self, frame, value):
        self.show('return', frame, value)
        self.next_cmd(frame)
    def user_exception(self, frame, info):
        self.show('exception', frame, info[0].__name__)
        self.next_cmd(frame)

r = Rec(['step', 'step', 'step', 'next', 'return', 'step', 'next', 'next', 'next', 'next', 'next', 'next'])
r.run('work()')
print('--- breakpoint')
r = Rec(['step', 'step', 'continue'])
r.set_break(os.path.abspath(__file__), 7)
r.run('work()')
print(r.get_all_breaks() != {})
