counter = 0
class Tracker:
    global counter
    counter = 10
print(counter, hasattr(Tracker, "counter"))
def outer():
    counter = "local"
    def inner():
        global counter
        counter += 1
        return counter
    return inner(), counter
print(outer(), counter)
def lister():
    global new_list
    new_list = []
    new_list.append(1)
lister()
print(new_list)
