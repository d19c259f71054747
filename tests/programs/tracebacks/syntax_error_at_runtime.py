# expect-stderr
source = "def f(:\n    pass\n"
compile(source, "snippet.py", "exec")
