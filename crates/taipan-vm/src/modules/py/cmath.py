# The Python part of Taipan's `cmath` module: every function on the real functions of `math`,
# with C99 Annex G's results for infinite and NaN parts (a 7x7 table per function, indexed by
# the kind of each part), the rescalings that keep large and subnormal arguments accurate,
# and CPython's errors: ValueError("math domain error") where Annex G signals divide-by-zero
# or invalid, OverflowError("math range error") on overflow. Runs in the module's namespace.

import math as _m

_INF = _m.inf
_NAN = _m.nan
_P = _m.pi
_P14 = 0.25 * _m.pi
_P12 = 0.5 * _m.pi
_P34 = 0.75 * _m.pi
_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_LARGE = _DBL_MAX / 4.0
_SQRT_LARGE = _m.sqrt(_LARGE)
_LOG_LARGE = _m.log(_LARGE)
_SQRT_DBL_MIN = _m.sqrt(_DBL_MIN)
_MANT_DIG = 53
_SCALE_UP = 2 * (_MANT_DIG // 2) + 1
_SCALE_DOWN = -(_SCALE_UP + 1) // 2
_LN2 = 0.6931471805599453094
_LN10 = 2.302585092994045684
_copysign = _m.copysign
_isfinite = _m.isfinite
_isinf = _m.isinf
_isnan = _m.isnan
_atan2 = _m.atan2
_hypot = _m.hypot
_ldexp = _m.ldexp

pi = _m.pi
e = _m.e
tau = _m.tau
inf = _INF
infj = complex(0.0, _INF)
nan = _NAN
nanj = complex(0.0, _NAN)

_EDOM = 'edom'
_ERANGE = 'erange'


def _cosh(x):
    try:
        return _m.cosh(x)
    except OverflowError:
        return _INF


def _sinh(x):
    try:
        return _m.sinh(x)
    except OverflowError:
        return _copysign(_INF, x)


def _exp(x):
    try:
        return _m.exp(x)
    except OverflowError:
        return _INF


def _kind(d):
    # 0: -inf, 1: negative finite, 2: -0.0, 3: +0.0, 4: positive finite, 5: +inf, 6: nan
    if _isfinite(d):
        if d != 0:
            return 4 if _copysign(1.0, d) == 1.0 else 1
        return 3 if _copysign(1.0, d) == 1.0 else 2
    if _isnan(d):
        return 6
    return 5 if d > 0 else 0


def _table(rows):
    # rows: 7 strings of 7 "re,im" entries; names: P, P14, P12, P34, INF, N, U (unused).
    names = {'P': _P, 'P14': _P14, 'P12': _P12, 'P34': _P34, 'INF': _INF, '-INF': -_INF,
             'N': _NAN, 'U': _NAN, '-P': -_P, '-P14': -_P14, '-P12': -_P12, '-P34': -_P34}
    out = []
    for row in rows:
        cells = []
        for cell in row.split():
            re, im = cell.split(',')
            cells.append((names[re] if re in names else float(re),
                          names[im] if im in names else float(im)))
        out.append(cells)
    return out


_ACOS = _table([
    'P34,INF P,INF P,INF P,-INF P,-INF P34,-INF N,INF',
    'P12,INF U,U U,U U,U U,U P12,-INF N,N',
    'P12,INF U,U P12,0. P12,-0. U,U P12,-INF P12,N',
    'P12,INF U,U P12,0. P12,-0. U,U P12,-INF P12,N',
    'P12,INF U,U U,U U,U U,U P12,-INF N,N',
    'P14,INF 0.,INF 0.,INF 0.,-INF 0.,-INF P14,-INF N,INF',
    'N,INF N,N N,N N,N N,N N,-INF N,N'])
_ACOSH = _table([
    'INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N',
    'INF,-P12 U,U U,U U,U U,U INF,P12 N,N',
    'INF,-P12 U,U 0.,-P12 0.,P12 U,U INF,P12 N,P12',
    'INF,-P12 U,U 0.,-P12 0.,P12 U,U INF,P12 N,P12',
    'INF,-P12 U,U U,U U,U U,U INF,P12 N,N',
    'INF,-P14 INF,-0. INF,-0. INF,0. INF,0. INF,P14 INF,N',
    'INF,N N,N N,N N,N N,N INF,N N,N'])
_ASINH = _table([
    '-INF,-P14 -INF,-0. -INF,-0. -INF,0. -INF,0. -INF,P14 -INF,N',
    '-INF,-P12 U,U U,U U,U U,U -INF,P12 N,N',
    '-INF,-P12 U,U -0.,-0. -0.,0. U,U -INF,P12 N,N',
    'INF,-P12 U,U 0.,-0. 0.,0. U,U INF,P12 N,N',
    'INF,-P12 U,U U,U U,U U,U INF,P12 N,N',
    'INF,-P14 INF,-0. INF,-0. INF,0. INF,0. INF,P14 INF,N',
    'INF,N N,N N,-0. N,0. N,N INF,N N,N'])
_ATANH = _table([
    '-0.,-P12 -0.,-P12 -0.,-P12 -0.,P12 -0.,P12 -0.,P12 -0.,N',
    '-0.,-P12 U,U U,U U,U U,U -0.,P12 N,N',
    '-0.,-P12 U,U -0.,-0. -0.,0. U,U -0.,P12 -0.,N',
    '0.,-P12 U,U 0.,-0. 0.,0. U,U 0.,P12 0.,N',
    '0.,-P12 U,U U,U U,U U,U 0.,P12 N,N',
    '0.,-P12 0.,-P12 0.,-P12 0.,P12 0.,P12 0.,P12 0.,N',
    '0.,-P12 N,N N,N N,N N,N 0.,P12 N,N'])
_COSH = _table([
    'INF,N U,U INF,0. INF,-0. U,U INF,N INF,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    'N,0. U,U 1.,0. 1.,-0. U,U N,0. N,0.',
    'N,0. U,U 1.,-0. 1.,0. U,U N,0. N,0.',
    'N,N U,U U,U U,U U,U N,N N,N',
    'INF,N U,U INF,-0. INF,0. U,U INF,N INF,N',
    'N,N N,N N,0. N,0. N,N N,N N,N'])
_EXP = _table([
    '0.,0. U,U 0.,-0. 0.,0. U,U 0.,0. 0.,0.',
    'N,N U,U U,U U,U U,U N,N N,N',
    'N,N U,U 1.,-0. 1.,0. U,U N,N N,N',
    'N,N U,U 1.,-0. 1.,0. U,U N,N N,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    'INF,N U,U INF,-0. INF,0. U,U INF,N INF,N',
    'N,N N,N N,-0. N,0. N,N N,N N,N'])
_LOG = _table([
    'INF,-P34 INF,-P INF,-P INF,P INF,P INF,P34 INF,N',
    'INF,-P12 U,U U,U U,U U,U INF,P12 N,N',
    'INF,-P12 U,U -INF,-P -INF,P U,U INF,P12 N,N',
    'INF,-P12 U,U -INF,-0. -INF,0. U,U INF,P12 N,N',
    'INF,-P12 U,U U,U U,U U,U INF,P12 N,N',
    'INF,-P14 INF,-0. INF,-0. INF,0. INF,0. INF,P14 INF,N',
    'INF,N N,N N,N N,N N,N INF,N N,N'])
_SINH = _table([
    'INF,N U,U -INF,-0. -INF,0. U,U INF,N INF,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    '0.,N U,U -0.,-0. -0.,0. U,U 0.,N 0.,N',
    '0.,N U,U 0.,-0. 0.,0. U,U 0.,N 0.,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    'INF,N U,U INF,-0. INF,0. U,U INF,N INF,N',
    'N,N N,N N,-0. N,0. N,N N,N N,N'])
_SQRT = _table([
    'INF,-INF 0.,-INF 0.,-INF 0.,INF 0.,INF INF,INF N,INF',
    'INF,-INF U,U U,U U,U U,U INF,INF N,N',
    'INF,-INF U,U 0.,-0. 0.,0. U,U INF,INF N,N',
    'INF,-INF U,U 0.,-0. 0.,0. U,U INF,INF N,N',
    'INF,-INF U,U U,U U,U U,U INF,INF N,N',
    'INF,-INF INF,-0. INF,-0. INF,0. INF,0. INF,INF INF,N',
    'INF,-INF N,N N,N N,N N,N INF,INF N,N'])
_TANH = _table([
    '-1.,0. U,U -1.,-0. -1.,0. U,U -1.,0. -1.,0.',
    'N,N U,U U,U U,U U,U N,N N,N',
    '-0.,N U,U -0.,-0. -0.,0. U,U -0.,N -0.,N',
    '0.,N U,U 0.,-0. 0.,0. U,U 0.,N 0.,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    '1.,0. U,U 1.,-0. 1.,0. U,U 1.,0. 1.,0.',
    'N,N N,N N,-0. N,0. N,N N,N N,N'])
_RECT = _table([
    'INF,N U,U -INF,0. -INF,-0. U,U INF,N INF,N',
    'N,N U,U U,U U,U U,U N,N N,N',
    '0.,0. U,U -0.,0. -0.,-0. U,U 0.,0. 0.,0.',
    '0.,0. U,U 0.,-0. 0.,0. U,U 0.,0. 0.,0.',
    'N,N U,U U,U U,U U,U N,N N,N',
    'INF,N U,U INF,-0. INF,0. U,U INF,N INF,N',
    'N,N N,N N,0. N,0. N,N N,N N,N'])
del _table


def _special(table, x, y):
    return table[_kind(x)][_kind(y)]


def _parts(z):
    # PyComplex_AsCComplex: __complex__, a complex, else a real number (__float__/__index__).
    t = type(z)
    meth = getattr(t, '__complex__', None)
    if meth is not None:
        r = meth(z)
        if not isinstance(r, complex):
            raise TypeError('__complex__ returned non-complex (type %s)' % type(r).__name__)
        return r.real, r.imag
    if isinstance(z, complex):
        return z.real, z.imag
    if isinstance(z, float):
        return float(z), 0.0
    if hasattr(t, '__float__') or hasattr(t, '__index__'):
        return float(z), 0.0
    raise TypeError('must be real number, not %s' % t.__name__)


def _result(r, err):
    if err is _EDOM:
        raise ValueError('math domain error')
    if err is _ERANGE:
        raise OverflowError('math range error')
    return complex(r[0], r[1])


def _c_sqrt(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_SQRT, x, y), None
    if x == 0.0 and y == 0.0:
        return (0.0, y), None
    ax = abs(x)
    ay = abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = _ldexp(ax, _SCALE_UP)
        s = _ldexp(_m.sqrt(ax + _hypot(ax, _ldexp(ay, _SCALE_UP))), _SCALE_DOWN)
    else:
        ax /= 8.0
        s = 2.0 * _m.sqrt(ax + _hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return (s, _copysign(d, y)), None
    return (d, _copysign(s, y)), None


def _c_acos(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_ACOS, x, y), None
    if abs(x) > _LARGE or abs(y) > _LARGE:
        re = _atan2(abs(y), x)
        im = -_copysign(_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, y)
        return (re, im), None
    s1 = _c_sqrt(1.0 - x, -y)[0]
    s2 = _c_sqrt(1.0 + x, y)[0]
    return (2.0 * _atan2(s1[0], s2[0]), _m.asinh(s2[0] * s1[1] - s2[1] * s1[0])), None


def _c_acosh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_ACOSH, x, y), None
    if abs(x) > _LARGE or abs(y) > _LARGE:
        return (_m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0, _atan2(y, x)), None
    s1 = _c_sqrt(x - 1.0, y)[0]
    s2 = _c_sqrt(x + 1.0, y)[0]
    return (_m.asinh(s1[0] * s2[0] + s1[1] * s2[1]), 2.0 * _atan2(s1[1], s2[0])), None


def _c_asinh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_ASINH, x, y), None
    if abs(x) > _LARGE or abs(y) > _LARGE:
        big = _m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0
        if y >= 0.0:
            re = _copysign(big, x)
        else:
            re = -_copysign(big, -x)
        return (re, _atan2(y, abs(x))), None
    s1 = _c_sqrt(1.0 + y, -x)[0]
    s2 = _c_sqrt(1.0 - y, x)[0]
    return (_m.asinh(s1[0] * s2[1] - s2[0] * s1[1]),
            _atan2(y, s1[0] * s2[0] - s1[1] * s2[1])), None


def _c_asin(x, y):
    (a, b), err = _c_asinh(-y, x)
    return (b, -a), err


def _c_atanh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_ATANH, x, y), None
    if x < 0.0:
        (a, b), err = _c_atanh(-x, -y)
        return (-a, -b), err
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        h = _hypot(x / 2.0, y / 2.0)
        return (x / 4.0 / h / h, _copysign(_P12, y)), None
    if x == 1.0 and ay < _SQRT_DBL_MIN:
        if ay == 0.0:
            return (_INF, y), _EDOM
        re = -_m.log(_m.sqrt(ay) / _m.sqrt(_hypot(ay, 2.0)))
        return (re, _copysign(_atan2(2.0, -ay) / 2, y)), None
    re = _m.log1p(4.0 * x / ((1 - x) * (1 - x) + ay * ay)) / 4.0
    im = -_atan2(-2.0 * y, (1 - x) * (1 + x) - ay * ay) / 2.0
    return (re, im), None


def _c_atan(x, y):
    (a, b), err = _c_atanh(-y, x)
    return (b, -a), err


def _c_cosh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            if x > 0:
                r = (_copysign(_INF, _m.cos(y)), _copysign(_INF, _m.sin(y)))
            else:
                r = (_copysign(_INF, _m.cos(y)), -_copysign(_INF, _m.sin(y)))
        else:
            r = _special(_COSH, x, y)
        return r, (_EDOM if _isinf(y) and not _isnan(x) else None)
    if abs(x) > _LOG_LARGE:
        xm1 = x - _copysign(1.0, x)
        r = (_m.cos(y) * _cosh(xm1) * _m.e, _m.sin(y) * _sinh(xm1) * _m.e)
    else:
        r = (_m.cos(y) * _cosh(x), _m.sin(y) * _sinh(x))
    return r, (_ERANGE if _isinf(r[0]) or _isinf(r[1]) else None)


def _c_cos(x, y):
    return _c_cosh(-y, x)


def _c_sinh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            if x > 0:
                r = (_copysign(_INF, _m.cos(y)), _copysign(_INF, _m.sin(y)))
            else:
                r = (-_copysign(_INF, _m.cos(y)), _copysign(_INF, _m.sin(y)))
        else:
            r = _special(_SINH, x, y)
        return r, (_EDOM if _isinf(y) and not _isnan(x) else None)
    if abs(x) > _LOG_LARGE:
        xm1 = x - _copysign(1.0, x)
        r = (_m.cos(y) * _sinh(xm1) * _m.e, _m.sin(y) * _cosh(xm1) * _m.e)
    else:
        r = (_m.cos(y) * _sinh(x), _m.sin(y) * _cosh(x))
    return r, (_ERANGE if _isinf(r[0]) or _isinf(r[1]) else None)


def _c_sin(x, y):
    (a, b), err = _c_sinh(-y, x)
    return (b, -a), err


def _c_tanh(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            im = _copysign(0.0, 2.0 * _m.sin(y) * _m.cos(y))
            r = (1.0 if x > 0 else -1.0, im)
        else:
            r = _special(_TANH, x, y)
        return r, (_EDOM if _isinf(y) and _isfinite(x) else None)
    if abs(x) > _LOG_LARGE:
        return (_copysign(1.0, x), 4.0 * _m.sin(y) * _m.cos(y) * _exp(-2.0 * abs(x))), None
    tx = _m.tanh(x)
    ty = _m.tan(y)
    cx = 1.0 / _cosh(x)
    txty = tx * ty
    denom = 1.0 + txty * txty
    return (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx), None


def _c_tan(x, y):
    (a, b), err = _c_tanh(-y, x)
    return (b, -a), err


def _c_exp(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            if x > 0:
                r = (_copysign(_INF, _m.cos(y)), _copysign(_INF, _m.sin(y)))
            else:
                r = (_copysign(0.0, _m.cos(y)), _copysign(0.0, _m.sin(y)))
        else:
            r = _special(_EXP, x, y)
        edom = _isinf(y) and (_isfinite(x) or (_isinf(x) and x > 0))
        return r, (_EDOM if edom else None)
    if x > _LOG_LARGE:
        l = _exp(x - 1.0)
        r = (l * _m.cos(y) * _m.e, l * _m.sin(y) * _m.e)
    else:
        l = _exp(x)
        r = (l * _m.cos(y), l * _m.sin(y))
    return r, (_ERANGE if _isinf(r[0]) or _isinf(r[1]) else None)


def _c_log(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        return _special(_LOG, x, y), None
    ax = abs(x)
    ay = abs(y)
    if ax > _LARGE or ay > _LARGE:
        re = _m.log(_hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            re = (_m.log(_hypot(_ldexp(ax, _MANT_DIG), _ldexp(ay, _MANT_DIG)))
                  - _MANT_DIG * _LN2)
        else:
            return (-_INF, _atan2(y, x)), _EDOM
    else:
        h = _hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am = ax if ax > ay else ay
            an = ay if ax > ay else ax
            re = _m.log1p((am - 1) * (am + 1) + an * an) / 2.0
        else:
            re = _m.log(h)
    return (re, _atan2(y, x)), None


def _wrap(name, impl, doc):
    def f(*args, **kwargs):
        if kwargs:
            raise TypeError('cmath.%s() takes no keyword arguments' % name)
        if len(args) != 1:
            raise TypeError('cmath.%s() takes exactly one argument (%d given)'
                            % (name, len(args)))
        return _result(*impl(*_parts(args[0])))
    f.__name__ = f.__qualname__ = name
    f.__doc__ = doc
    return f


acos = _wrap('acos', _c_acos, 'Return the arc cosine of z.')
acosh = _wrap('acosh', _c_acosh, 'Return the inverse hyperbolic cosine of z.')
asin = _wrap('asin', _c_asin, 'Return the arc sine of z.')
asinh = _wrap('asinh', _c_asinh, 'Return the inverse hyperbolic sine of z.')
atan = _wrap('atan', _c_atan, 'Return the arc tangent of z.')
atanh = _wrap('atanh', _c_atanh, 'Return the inverse hyperbolic tangent of z.')
cos = _wrap('cos', _c_cos, 'Return the cosine of z.')
cosh = _wrap('cosh', _c_cosh, 'Return the hyperbolic cosine of z.')
exp = _wrap('exp', _c_exp, 'Return the exponential value e**z.')
sin = _wrap('sin', _c_sin, 'Return the sine of z.')
sinh = _wrap('sinh', _c_sinh, 'Return the hyperbolic sine of z.')
sqrt = _wrap('sqrt', _c_sqrt, 'Return the square root of z.')
tan = _wrap('tan', _c_tan, 'Return the tangent of z.')
tanh = _wrap('tanh', _c_tanh, 'Return the hyperbolic tangent of z.')


def log10(z, /):
    """Return the base-10 logarithm of z."""
    (a, b), err = _c_log(*_parts(z))
    return _result((a / _LN10, b / _LN10), err)


def log(z, base=None, /):
    """log(z[, base]) -> the logarithm of z to the given base.

If the base is not specified, returns the natural logarithm (base e) of z."""
    (a, b), err = _c_log(*_parts(z))
    if base is not None:
        (c, d), err2 = _c_log(*_parts(base))
        err = err or err2
        try:
            q = complex(a, b) / complex(c, d)
        except ZeroDivisionError:
            raise ValueError('math domain error') from None
        a, b = q.real, q.imag
    return _result((a, b), err)


def phase(z, /):
    """Return argument, also known as the phase angle, of a complex."""
    x, y = _parts(z)
    return _atan2(y, x)


def polar(z, /):
    """Convert a complex from rectangular coordinates to polar coordinates.

r is the distance from 0 and phi the phase angle."""
    x, y = _parts(z)
    phi = _atan2(y, x)
    if _isinf(x) or _isinf(y):
        r = _INF
    elif _isnan(x) or _isnan(y):
        r = _NAN
    else:
        r = _hypot(x, y)
        if _isinf(r):
            raise OverflowError('math range error')
    return (r, phi)


def _real(v):
    t = type(v)
    if isinstance(v, float):
        return float(v)
    if hasattr(t, '__float__') or hasattr(t, '__index__'):
        return float(v)
    raise TypeError('must be real number, not %s' % t.__name__)


def rect(r, phi, /):
    """Convert from polar coordinates to rectangular coordinates."""
    r = _real(r)
    phi = _real(phi)
    if not (_isfinite(r) and _isfinite(phi)):
        if _isinf(r) and _isfinite(phi) and phi != 0.0:
            if r > 0:
                z = (_copysign(_INF, _m.cos(phi)), _copysign(_INF, _m.sin(phi)))
            else:
                z = (-_copysign(_INF, _m.cos(phi)), -_copysign(_INF, _m.sin(phi)))
        else:
            z = _special(_RECT, r, phi)
        err = _EDOM if (r != 0.0 and not _isnan(r) and _isinf(phi)) else None
        return _result(z, err)
    if phi == 0.0:
        return complex(r, r * phi)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def isfinite(z, /):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    x, y = _parts(z)
    return _isfinite(x) and _isfinite(y)


def isnan(z, /):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    x, y = _parts(z)
    return _isnan(x) or _isnan(y)


def isinf(z, /):
    """Checks if the real or imaginary part of z is infinite."""
    x, y = _parts(z)
    return _isinf(x) or _isinf(y)


def isclose(*args, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value.

  rel_tol
    maximum difference for being considered "close", relative to the
    magnitude of the input values
  abs_tol
    maximum difference for being considered "close", regardless of the
    magnitude of the input values

Return True if a is close in value to b, and False otherwise.

For the values to be considered close, the difference between them must be
smaller than at least one of the tolerances.

-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is
not close to anything, even itself. inf and -inf are only close to themselves."""
    if len(args) != 2:
        if len(args) < 2:
            raise TypeError("isclose() missing required argument '%s' (pos %d)"
                            % ('ab'[len(args)], len(args) + 1))
        raise TypeError('isclose() takes exactly 2 positional arguments (%d given)'
                        % len(args))
    a, b = args
    ax, ay = _parts(a)
    bx, by = _parts(b)
    rel_tol = _real(rel_tol)
    abs_tol = _real(abs_tol)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if ax == bx and ay == by:
        return True
    if _isinf(ax) or _isinf(ay) or _isinf(bx) or _isinf(by):
        return False
    diff = abs(complex(ax - bx, ay - by))
    return (diff <= rel_tol * abs(complex(bx, by)) or diff <= rel_tol * abs(complex(ax, ay))
            or diff <= abs_tol)
