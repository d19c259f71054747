f"{f"{f"{x}"}"}"
f"{x:{y!r}>{z}}"
f"{x!r=}" if 0 else 1
f"{ x = !r:>10}"
f"{x:}" f"{x!s:}"
