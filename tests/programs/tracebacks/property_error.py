# expect-stderr
class Temperature:
    @property
    def kelvin(self):
        return self.celsius + 273.15
t = Temperature()
print(t.kelvin)
