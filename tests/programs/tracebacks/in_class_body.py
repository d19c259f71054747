# expect-stderr
class Broken:
    x = 1
    y = x + undefined_thing
