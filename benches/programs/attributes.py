# Class attribute access and method calls: instance and class attributes, properties,
# inheritance with super(), __slots__ classes, bound-method calls in hot loops.


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return len(self.name) + self.area()


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def describe(self):
        return super().describe() + 1


class Particle:
    def __init__(self, i):
        self.pos = Vec(i % 17, i % 13)
        self.vel = Vec(1, -1)
        self.mass = 1 + i % 3

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x > 50:
            self.vel = self.vel.scale(-1)
        return self.pos.dot(self.vel) * self.mass


def main(n=720000):
    total = 0
    shapes = [Rect(i % 7 + 1, i % 5 + 1) if i % 3 else Square(i % 9 + 1) for i in range(300)]
    for rnd in range(n // 300):
        for s in shapes:
            total += s.describe() + s.perimeter
            s.w += 1
            s.w -= 1
    particles = [Particle(i) for i in range(200)]
    for _ in range(n // 200):
        for p in particles:
            total += p.step()
    print("shapes created:", Shape.count)
    print("checksum:", total % 1000000007)


main()
