x = 1
# coding: foobar
