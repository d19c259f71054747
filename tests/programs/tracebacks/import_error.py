# expect-stderr
from math import sqroot
