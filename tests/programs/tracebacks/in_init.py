# expect-stderr
class Config:
    def __init__(self, path):
        self.parts = path.split("/")
        self.depth = len(self.parts) / (len(self.parts) - 3)
c = Config("a/b/c")
