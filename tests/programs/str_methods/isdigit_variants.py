for ch in ["5", "٥", "⁵", "Ⅻ", "½", "五", "a", "𝟙", "²"]:
    print(repr(ch), ch.isdecimal(), ch.isdigit(), ch.isnumeric(), ch.isalnum())
