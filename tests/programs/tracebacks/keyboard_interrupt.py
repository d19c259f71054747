# expect-stderr
print("about to interrupt")
raise KeyboardInterrupt
