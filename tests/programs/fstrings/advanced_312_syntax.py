items = {"a": [1, 2], "b": [3]}
print(f"{items["a"][0]}", f"{"nested " + f"{'deep'}"}", f"{'\t'.join(['x', 'y'])}")
value = 42
print(f"{
    value
    + 1
}")
print(f"{value # a comment inside the braces
}")
print(f"{value:{'>'}{'8'}}|", f"{value!r:^{2 * 4}}|", f"{'{'}{'}'}")
print(f"{'a' if value else 'b'}", f"{[x for x in range(3)]}", f"{ {1, 2} }", f"{(1, 2)!s:>10}")
