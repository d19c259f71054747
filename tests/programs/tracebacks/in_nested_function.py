# expect-stderr
def outer():
    def middle():
        def inner():
            return [][0]
        return inner()
    return middle()
outer()
