def eval_expr(e):
    match e:
        case int(n) | float(n):
            return n
        case ("+", left, right):
            return eval_expr(left) + eval_expr(right)
        case ("*", left, right):
            return eval_expr(left) * eval_expr(right)
        case ("neg", operand):
            return -eval_expr(operand)
        case {"op": "sum", "args": [*args]}:
            return sum(eval_expr(a) for a in args)
        case _:
            raise ValueError(f"bad expression {e!r}")
print(eval_expr(("+", 1, ("*", 2, 3))), eval_expr(("neg", ("+", 1.5, 1))), eval_expr({"op": "sum", "args": [1, ("neg", 2), 3]}))
try:
    eval_expr(("/", 1, 2))
except ValueError as e:
    print("ValueError", e)
