f(
    **kw,
    *args,
)
