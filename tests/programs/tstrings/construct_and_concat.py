a = 1
t1 = t"a={a}"
t2 = t" b={a + 1}"
t3 = t1 + t2
Template = type(t1)
Interpolation = type(t1.interpolations[0])
print(type(t3).__name__, t3.strings, [i.value for i in t3.interpolations])
manual = Template("x", Interpolation(42, "answer", None, ""), "y")
print(manual.strings, manual.values, manual.interpolations[0].expression)
print(Template().strings, Template("only").strings, Template(Interpolation(1, "one")).strings)
try:
    t1 + "plain"
except TypeError as e:
    print("TypeError", e)
