def wrap(text, width):
    lines, line = [], []
    for word in text.split():
        if line and len(" ".join(line + [word])) > width:
            lines.append(line)
            line = []
        line.append(word)
    if line:
        lines.append(line)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    q, r = divmod(spaces, gaps)
    return "".join(w + " " * (q + (i < r)) for i, w in enumerate(words[:-1])) + words[-1]
text = "Python programs should behave exactly the same under Taipan as they do under CPython, including every error message and traceback marker."
for line in wrap(text, 30):
    print("|" + justify(line, 30) + "|")
for line in wrap(text, 30):
    print("|" + " ".join(line).center(30, ".") + "|")
