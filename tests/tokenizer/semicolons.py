a; b; c
if x: a; b
