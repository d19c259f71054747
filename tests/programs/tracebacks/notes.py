# expect-stderr
err = TypeError("wrong type")
err.add_note("hint: pass an int")
err.add_note("second line of help")
raise err
