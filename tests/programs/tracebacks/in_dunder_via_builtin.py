# expect-stderr
class Weird:
    def __len__(self):
        return -5
print(len(Weird()))
