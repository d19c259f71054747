x = 1
asert x, "no"
