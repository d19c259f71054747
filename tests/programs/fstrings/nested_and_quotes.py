items = ["a", "b"]
d = {"key": "value"}
print(f"{d["key"]}", f"{", ".join(items)}", f"{f"{f"{1+1}"}"}", f"{'\n'.join(items)}")
w = 7
print(f"{3.14159:{w}.{w-4}f}|", f"{'x':{'^'}{w}}|", f"{12:#0{w}x}")
print(f"{x}" if (x := 5) else "", f"{(x:=9)}", x)
print(f"{x:}", f"{'':}", f"{''}", f"""{'''triple'''}""")
