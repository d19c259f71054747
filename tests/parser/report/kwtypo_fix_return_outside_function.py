x = 1
retrun x
