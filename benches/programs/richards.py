# A task-scheduler simulation in the spirit of the classic "richards" benchmark, written from
# scratch: an idle task, worker tasks, device handlers and packets passed between them through
# a priority-ordered run queue. Exercises classes, method calls, attribute access, small lists.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1


class Packet:
    __slots__ = ("link", "dest", "kind", "count", "data")

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.suspended = queue is None and ident != IDLE
        scheduler.add(self)

    def runnable(self):
        return not self.held and not self.suspended and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
        self.waiting = False
        return p

    def receive(self, packet):
        self.suspended = False
        self.queue = packet.append_to(self.queue)

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler, count):
        super().__init__(scheduler, IDLE, 0, None)
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        super().__init__(scheduler, WORKER, 1000, queue)
        self.dest = HANDLER_A
        self.count = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.dest = self.dest
        packet.count = 0
        for i in range(4):
            self.count = self.count % 26 + 1
            packet.data[i] = self.count + 64
        return self.scheduler.send(packet, self.dest)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, queue):
        super().__init__(scheduler, ident, 2000 + ident, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            if work.count < 4:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.data[0] = work.data[work.count]
                    work.count += 1
                    return self.scheduler.send(dev, dev.dest)
            else:
                self.work = work.link
                return self.scheduler.send(work, WORKER)
        return self.scheduler.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident):
        super().__init__(scheduler, ident, 4000 + ident, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            p, self.pending = self.pending, None
            return self.scheduler.send(p, HANDLER_A if self.ident == DEVICE_A else HANDLER_B)
        self.pending = packet
        self.scheduler.output.append(packet.data[0])
        return self.scheduler.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.switches = 0
        self.output = []

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def pick(self):
        for t in self.order:
            if t.runnable():
                return t
        return None

    def run(self):
        task = self.pick()
        while task is not None:
            self.current = task
            packet = task.take_packet() if task.waiting or task.queue is not None else None
            self.switches += 1
            task.run(packet)
            task = self.pick()

    def wait(self):
        self.current.waiting = True

    def hold_self(self):
        self.current.held = True

    def release(self, ident):
        self.tasks[ident].held = False

    def send(self, packet, ident):
        target = self.tasks[ident]
        target.receive(packet)
        target.waiting = True


def make_queue(count, dest, kind):
    q = None
    for _ in range(count):
        q = Packet(q, dest, kind)
    return q


def simulate(idle_count):
    s = Scheduler()
    IdleTask(s, idle_count)
    WorkerTask(s, make_queue(2, WORKER, KIND_WORK))
    HandlerTask(s, HANDLER_A, make_queue(3, DEVICE_A, KIND_DEVICE))
    HandlerTask(s, HANDLER_B, make_queue(3, DEVICE_B, KIND_DEVICE))
    DeviceTask(s, DEVICE_A)
    DeviceTask(s, DEVICE_B)
    s.run()
    return s


def main():
    total_switches = 0
    checksum = 0
    for round_ in range(16):
        s = simulate(4000 + round_ * 100)
        total_switches += s.switches
        for i, v in enumerate(s.output):
            checksum = (checksum * 31 + v + i) % 1000000007
    print("switches:", total_switches)
    print("checksum:", checksum)


main()
