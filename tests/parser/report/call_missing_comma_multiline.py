f(
    a
    b
)
