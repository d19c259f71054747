def dump(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f'{pad}  "{k}": {dump(v, indent + 1)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + ", ".join(dump(v, indent) for v in obj) + "]"
    if isinstance(obj, str):
        return '"' + obj.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    raise TypeError(f"cannot serialize {type(obj).__name__}")
doc = {"name": "Taipan", "version": [0, 1], "stable": False, "tags": ("vm", 'quote"d'), "meta": {"ratio": 0.5, "none": None, "empty": {}, "list": []}, "text": "line1\nline2"}
print(dump(doc))
try:
    dump({"bad": {1, 2}})
except TypeError as e:
    print("TypeError", e)
