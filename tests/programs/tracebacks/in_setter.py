# expect-stderr
class Temp:
    @property
    def value(self):
        return self._v
    @value.setter
    def value(self, v):
        if v < -273:
            raise ValueError(f"{v} is below absolute zero")
        self._v = v
t = Temp()
t.value = 20
t.value = -300
