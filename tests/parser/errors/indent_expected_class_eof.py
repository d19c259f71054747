class A(B):
