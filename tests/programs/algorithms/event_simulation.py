import itertools
events = []
counter = itertools.count()
def schedule(t, name, action):
    events.append((t, next(counter), name, action))
    events.sort()
log = []
def arrive(t, who):
    log.append(f"{t:>3}: {who} arrives")
    schedule(t + 5, f"serve {who}", lambda t2: serve(t2, who))
def serve(t, who):
    log.append(f"{t:>3}: {who} served")
    if who == "carol":
        schedule(t + 1, "close", lambda t3: log.append(f"{t3:>3}: closing"))
for i, who in enumerate(["alice", "bob", "carol"]):
    schedule(i * 3, who, lambda t, w=who: arrive(t, w))
while events:
    t, _, name, action = events.pop(0)
    action(t)
print("\n".join(log))
