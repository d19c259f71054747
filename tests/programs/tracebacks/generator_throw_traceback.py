# expect-stderr
def worker():
    while True:
        task = yield
        print("working on", task)
w = worker()
next(w)
w.send("job-1")
w.throw(TimeoutError("job took too long"))
