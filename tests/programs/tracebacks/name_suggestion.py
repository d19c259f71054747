# expect-stderr
counter_total = 5
print(counter_totl)
