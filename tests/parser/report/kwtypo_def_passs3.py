class A: passs

def g(): passs = 1 passs
