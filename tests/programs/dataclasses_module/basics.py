# dataclasses: fields, defaults, default_factory, frozen, order, asdict/astuple, replace,
# __repr__/__eq__, slots, kw_only, __post_init__, InitVar, ClassVar.
import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY
from typing import ClassVar


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Point(1)
print(p, p == Point(1, 0, []), p != Point(2))
print([(f.name, f.type, f.default is dataclasses.MISSING) for f in fields(p)])
print(asdict(Point(1, 2, ['a'])), astuple(Point(3, 4)))
print(replace(p, y=5))
print(Point.__match_args__, dataclasses.is_dataclass(p), dataclasses.is_dataclass(int))
try:
    Point()
except TypeError as e:
    print('TypeError', e)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0

    def bump(self):
        return replace(self, minor=self.minor + 1)


v = Version(1, 2)
print(v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except dataclasses.FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(v.bump())


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'x'


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))


@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2


print(K(a=1))
try:
    K(1)
except TypeError as e:
    print('TypeError', e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 3
    c: ClassVar[int] = 10
    init_only: InitVar[int] = 0

    def __post_init__(self, init_only):
        self.total = self.a + self.b + init_only


m = Mixed(1, b=2, init_only=4)
print(m, m.total, [f.name for f in fields(m)], Mixed.c)


@dataclass(eq=False, repr=False)
class Plain:
    a: int


print(Plain(1) == Plain(1), 'Plain object' in repr(Plain(1)))


@dataclass
class Child(Point):
    z: int = 9


print(Child(1, 2, [], 3))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print('ValueError', e)
C = dataclasses.make_dataclass('C', [('x', int), ('y', int, field(default=5))])
print(C(1), dataclasses.fields(C)[1].default)
