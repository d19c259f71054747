# decimal: contexts (precision, rounding, Emin/Emax, clamp), localcontext, traps and flags.
import decimal
from decimal import (Decimal as D, Context, getcontext, setcontext, localcontext, BasicContext,
                     ExtendedContext, DefaultContext, InvalidOperation, DivisionByZero, Inexact,
                     Rounded, Overflow, Underflow, Subnormal, Clamped, FloatOperation)

c = getcontext()
print(c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp, sorted(t.__name__ for t, on in c.traps.items() if on))
with localcontext() as ctx:
    ctx.prec = 6
    print(D(1) / D(7), D(2).sqrt(), +D("1.23456789"))
    ctx.rounding = decimal.ROUND_DOWN
    print(D(2) / D(3))
print(D(1) / D(7))
with localcontext(prec=3, rounding=decimal.ROUND_CEILING) as ctx:
    print(D("1.2345") + 0, ctx.prec)
for r in [decimal.ROUND_UP, decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_HALF_UP,
          decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP]:
    ctx = Context(prec=2, rounding=r)
    print(r, [str(ctx.plus(D(x))) for x in ("1.25", "1.35", "-1.25", "1.01", "1.05", "-1.99")])

ctx = Context(prec=5, traps=[])
print(ctx.divide(D(1), D(0)), ctx.divide(D(0), D(0)), sorted(s.__name__ for s, v in ctx.flags.items() if v))
ctx.clear_flags()
print(ctx.sqrt(D(-1)), bool(ctx.flags[InvalidOperation]), bool(ctx.flags[DivisionByZero]))
for expr in ["D(1) / D(0)", "D(0) / D(0)", "D(-1).sqrt()", "D('x')", "D('inf') - D('inf')", "D(1).quantize(D('1e-30'))"]:
    try:
        print(expr, eval(expr))
    except (InvalidOperation, DivisionByZero) as e:
        print(expr, type(e).__name__, isinstance(e, ArithmeticError))
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError), issubclass(Overflow, Inexact))
with localcontext() as ctx:
    ctx.traps[Inexact] = True
    try:
        D(1) / 3
    except Inexact:
        print("Inexact trapped")
    print(D(1) / 4)
with localcontext(Context(prec=3, Emax=5, Emin=-5, traps=[])) as ctx:
    r = D(999999) * 10
    print(r, bool(ctx.flags[Overflow]), bool(ctx.flags[Rounded]))
    print(D("1e-7") / 10, bool(ctx.flags[Underflow]), bool(ctx.flags[Subnormal]))
with localcontext(Context(prec=3, Emax=5, Emin=-5, clamp=1)) as ctx:
    print(+D("1e5"), bool(ctx.flags[Clamped]))
ctx = Context()
ctx.traps[FloatOperation] = True
try:
    ctx.create_decimal(1.5)
except FloatOperation:
    print("FloatOperation trapped")
print(D(1.5) == 1.5, ctx.create_decimal("1.23456789012345678901234567890"), Context(prec=4).create_decimal("1.23456"))
print(BasicContext.prec, BasicContext.rounding, ExtendedContext.prec, DefaultContext.prec)
old = getcontext()
setcontext(Context(prec=4))
print(D(2).sqrt(), getcontext().prec)
setcontext(old)
print(getcontext().prec, getcontext() is old)
print(ExtendedContext.add(D(1), D(2)), ExtendedContext.power(D(2), D(10)), ExtendedContext.power(D(3), 2, 5),
      ExtendedContext.compare_total(D("1.0"), D("1.00")), ExtendedContext.to_sci_string(D("1e3")), ExtendedContext.Etiny(), ExtendedContext.Etop())
try:
    Context(prec=0)
except ValueError:
    print("prec 0 refused")
try:
    getcontext().rounding = "sideways"
except TypeError:
    print("bad rounding refused")
