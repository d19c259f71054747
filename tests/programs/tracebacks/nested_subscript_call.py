# expect-stderr
def get():
    return {"k": [None]}
get()["k"][0]()
