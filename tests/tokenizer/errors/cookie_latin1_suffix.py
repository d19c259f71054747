# coding: Latin_1-foo
x = "é"
