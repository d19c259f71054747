# expect-stderr
compile("if True:\nprint('x')\n", "indent.py", "exec")
