assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["payload", 1]
except AssertionError as e:
    print("AssertionError", e.args[0])
def lazy():
    print("message evaluated")
    return "msg"
assert True, lazy()
try:
    assert 0, lazy()
except AssertionError as e:
    print(e)
import sys
print(sys.flags.optimize, __debug__)
