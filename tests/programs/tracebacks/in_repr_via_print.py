# expect-stderr
class Bad:
    def __repr__(self):
        return self.missing_attribute
print([Bad()])
