import operator
OPS = {"+": (1, operator.add), "-": (1, operator.sub), "*": (2, operator.mul), "/": (2, operator.truediv), "^": (3, operator.pow)}
def tokenize(s):
    tokens, num = [], ""
    for ch in s:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(float(num)); num = ""
        if ch in OPS or ch in "()":
            tokens.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"unexpected character {ch!r}")
    if num:
        tokens.append(float(num))
    return tokens
def to_rpn(tokens):
    out, stack = [], []
    for t in tokens:
        if isinstance(t, float):
            out.append(t)
        elif t == "(":
            stack.append(t)
        elif t == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (OPS[stack[-1]][0] > OPS[t][0] or (OPS[stack[-1]][0] == OPS[t][0] and t != "^")):
                out.append(stack.pop())
            stack.append(t)
    return out + stack[::-1]
def evaluate(s):
    st = []
    for t in to_rpn(tokenize(s)):
        if isinstance(t, float):
            st.append(t)
        else:
            b, a = st.pop(), st.pop()
            st.append(OPS[t][1](a, b))
    return st[0]
for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4 - 1", "3.5 * (2 - 0.5)"]:
    print(e, "=", evaluate(e))
for bad in ["1 / 0", "2 $ 3"]:
    try:
        evaluate(bad)
    except (ZeroDivisionError, SyntaxError) as ex:
        print(bad, "->", type(ex).__name__, ex)
