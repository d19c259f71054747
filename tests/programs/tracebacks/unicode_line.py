# expect-stderr
名前 = {"ключ": "値"}
print(名前["ключ"], "ünïcödé")
print(名前["缺失"])
