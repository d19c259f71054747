while (line := f()):
    g(line)
