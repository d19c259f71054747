@d
class A:
    pass
improt os
