try:
    f()
except* ValueError:
    g()
except* TypeError as e:
    h(e)
