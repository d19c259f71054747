import sys
def show(code):
    try:
        exec(code, {"value_one": 1, "math_thing": 2})
    except BaseException as e:
        print(type(e).__name__, "|", e, "| name:", getattr(e, "name", None))
show("print(value_on)")
show("print(lenn([]))")
class C:
    attribute = 1
    def method(self):
        pass
try:
    C().atribute
except AttributeError as e:
    print("AttributeError", e, e.name, type(e.obj).__name__)
try:
    [].apend(1)
except AttributeError as e:
    print("AttributeError", e)
