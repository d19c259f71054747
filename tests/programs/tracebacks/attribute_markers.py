# expect-stderr
class Config:
    def __init__(self):
        self.section = None
cfg = Config()
print(cfg.section.name.upper())
