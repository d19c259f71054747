def f():
    pass
  # trailing
