import os
x = 1
fro y in x:
    pass
