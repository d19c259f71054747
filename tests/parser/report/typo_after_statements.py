import os
x = 1
if x:
    y = 2
    whiel y:
        pass
