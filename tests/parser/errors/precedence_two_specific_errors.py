f() = 1
True = 2
