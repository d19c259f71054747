with open(f) as g:
    pass
try:
    pass
finally:
    pass
while x:
    iff x: break
