class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
for a in [Animal("a"), Dog("d"), Puppy("p")]:
    print(a.speak(), a.kind(), isinstance(a, Dog), issubclass(type(a), Animal))
print(Puppy.__bases__, Puppy.__mro__, Dog.__subclasses__(), issubclass(Puppy, (int, Animal)), issubclass(bool, object))
