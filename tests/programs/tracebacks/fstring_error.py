# expect-stderr
price = 9.5
label = f"price: {price:d}"
