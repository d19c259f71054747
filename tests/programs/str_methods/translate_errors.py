# str.maketrans forms and translate's mapping results and errors
t = str.maketrans({"a": "xyz", 98: None, "c": 100})
print(sorted(t.items()), "abcabc".translate(t), "abc".translate({}), "é😀".translate({0x1F600: "!"}))
print("hello".translate(str.maketrans("lo", "01", "h")), "abc".translate([None, None]), "\x00\x01b".translate(["A", "B"]))
for e in ['str.maketrans(1)', 'str.maketrans("ab", "c")', 'str.maketrans({"ab": 1})', 'str.maketrans({1.5: 1})', 'str.maketrans("a", 1)', 'str.maketrans("a", "b", 1)', '"abc".translate({97: 1.5})', '"abc".translate({97: 0x110000})', '"abc".translate(1)', 'str.maketrans()']:
    try:
        print(eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
