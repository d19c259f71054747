class A:
    pass
class B(A):
    def missing(self):
        return super().nothing
    @staticmethod
    def no_args():
        return super().x
try:
    B().missing()
except AttributeError as e:
    print("AttributeError", e)
try:
    B.no_args()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    super(B, 1)
except TypeError as e:
    print("TypeError", e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)
print(super(B, B()).__repr__()[:20] == super(B, B()).__repr__()[:20])
