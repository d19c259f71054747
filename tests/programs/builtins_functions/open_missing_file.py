try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)
try:
    open("x", "q")
except ValueError as e:
    print("ValueError", e)
