def render(t):
    out = []
    for part in t:
        if not isinstance(part, str):
            v = part.value
            if part.conversion == "r":
                v = repr(v)
            elif part.conversion == "s":
                v = str(v)
            out.append(format(v, part.format_spec))
        else:
            out.append(part)
    return "".join(out)
def html_escape(t):
    out = []
    for part in t:
        if not isinstance(part, str):
            out.append(str(part.value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        else:
            out.append(part)
    return "".join(out)
user = "<script>alert(1)</script>"
price = 12.5
print(render(t"Price: {price:>8.2f} for {user!r}"))
print(html_escape(t"<p>{user}</p>"))
print(repr(t"x{1}y"))
