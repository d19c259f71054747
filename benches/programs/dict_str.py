# Dictionary- and string-heavy workload: generate a deterministic text, count words and
# bigrams in dicts, build reports with f-strings, %-formatting and str.format, and join them.
# Exercises str methods, dict get/setdefault/items, sorting by key, string building.

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi "
         "rho sigma tau upsilon phi chi psi omega red green blue cyan magenta yellow black white").split()


def make_text(n, seed=7):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        w = WORDS[x % len(WORDS)]
        if x % 7 == 0:
            w = w.capitalize()
        if x % 11 == 0:
            w += ","
        if x % 13 == 0:
            w += "."
        out.append(w)
    return " ".join(out)


def count_words(text):
    counts = {}
    for raw in text.split():
        w = raw.strip(",.").lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(text):
    words = [w.strip(",.").lower() for w in text.split()]
    table = {}
    for a, b in zip(words, words[1:]):
        table.setdefault(a, {}).setdefault(b, 0)
        table[a][b] += 1
    return table


def report(counts, table):
    lines = []
    total = sum(counts.values())
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        follow = table.get(word, {})
        best = max(follow.items(), key=lambda kv: (kv[1], kv[0]))[0] if follow else "-"
        lines.append(f"{word:<10}{n:>7}{n / total:>9.3%}  next: {best}")
        lines.append("%-10s|%6d|%s" % (word.upper(), len(follow), "*" * (n * 40 // total)))
        lines.append("{0:>12} {1:,} {2!r}".format(word[::-1], n * 1000, word.title()))
    return "\n".join(lines)


def main(rounds=40, size=20000):
    digest = 0
    for r in range(rounds):
        text = make_text(size, seed=7 + r)
        counts = count_words(text)
        table = bigrams(text)
        rep = report(counts, table)
        rep = rep.replace("next", "then").replace("|", "/")
        digest = (digest * 131 + len(rep) + rep.count("e") + sum(map(len, table))) % (2**61 - 1)
        digest ^= sum(ord(c) for c in rep[:2000])
    print("distinct words:", len(counts))
    print("report lines:", rep.count("\n") + 1)
    print("checksum:", digest)


main()
