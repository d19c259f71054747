class C:
    def __init__(self, x):
        self.x = x
        self.y = 2
    def m(self):
        return self.x
