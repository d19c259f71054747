# expect-stderr
price = 5 € 3
