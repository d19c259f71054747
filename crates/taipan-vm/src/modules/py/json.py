# The Python part of Taipan's `_json` module (the accelerator `json` picks up): `scanstring`,
# `encode_basestring(_ascii)`, the `Scanner` type (`make_scanner`) and the `Encoder` type
# (`make_encoder`), with the C module's arguments, errors and messages. Runs in a private
# namespace; the module receives only CPython's names.

import sys as _sys
from _operator import index as _index

_WS = ' \t\n\r'
_SIMPLE_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_HEX = '0123456789abcdefABCDEF'
_OUT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r',
                '\t': '\\t'}
for _c in range(0x20):
    _OUT_ESCAPES.setdefault(chr(_c), '\\u%04x' % _c)
del _c


def _error(msg, doc, pos):
    from json.decoder import JSONDecodeError
    return JSONDecodeError(msg, doc, pos)


def _as_index(value):
    value = _index(value)
    if value > _sys.maxsize or value < -_sys.maxsize - 1:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return value


def _hex4(s, pos):
    # The four hex digits of a \uXXXX escape whose 'u' is at pos - 1.
    digits = s[pos:pos + 4]
    if len(digits) != 4:
        raise _error("Invalid \\uXXXX escape", s, pos - 1)
    for d in digits:
        if d not in _HEX:
            raise _error("Invalid \\uXXXX escape", s, pos - 1)
    return int(digits, 16)


def _scan_string(s, end, strict):
    n = len(s)
    if end < 0 or end > n:
        raise ValueError("end is out of bounds")
    begin = end - 1
    parts = []
    i = end
    while True:
        j = i
        while j < n:
            c = s[j]
            if c == '"' or c == '\\':
                break
            if strict and c < ' ':
                raise _error("Invalid control character at", s, j)
            j += 1
        if j >= n:
            raise _error("Unterminated string starting at", s, begin)
        if j > i:
            parts.append(s[i:j])
        if s[j] == '"':
            return ''.join(parts), j + 1
        # a backslash at j
        j += 1
        if j >= n:
            raise _error("Unterminated string starting at", s, begin)
        c = s[j]
        if c != 'u':
            out = _SIMPLE_ESCAPES.get(c)
            if out is None:
                raise _error("Invalid \\escape", s, j - 1)
            parts.append(out)
            i = j + 1
            continue
        code = _hex4(s, j + 1)
        i = j + 5
        if 0xd800 <= code <= 0xdbff and s[i:i + 2] == '\\u':
            low = _hex4(s, i + 2)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                i += 6
        parts.append(chr(code))


def scanstring(string, end, strict=True, /):
    """scanstring(string, end, strict=True) -> (string, end)

Scan the string s for a JSON string. End is the index of the
character in s after the quote that started the JSON string.
Unescapes all valid JSON string escape sequences and raises ValueError
on attempt to decode an invalid string. If strict is False then literal
control characters are allowed in the string.

Returns a tuple of the decoded string and the index of the character in s
after the end quote."""
    if not isinstance(string, str):
        raise TypeError(f"first argument must be a string, not {type(string).__name__}")
    end = _as_index(end)
    return _scan_string(string, end, bool(strict))


def _encode_str(s, ascii_only):
    out = ['"']
    for c in s:
        e = _OUT_ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif ascii_only and c > '~':
            n = ord(c)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def encode_basestring_ascii(s, /):
    """encode_basestring_ascii(string) -> string

Return an ASCII-only JSON representation of a Python string"""
    if not isinstance(s, str):
        raise TypeError(f"first argument must be a string, not {type(s).__name__}")
    return _encode_str(s, True)


def encode_basestring(s, /):
    """encode_basestring(string) -> string

Return a JSON representation of a Python string"""
    if not isinstance(s, str):
        raise TypeError(f"first argument must be a string, not {type(s).__name__}")
    return _encode_str(s, False)


class Scanner:
    """JSON scanner object"""

    __slots__ = ('strict', 'object_hook', 'object_pairs_hook', 'parse_float', 'parse_int',
                 'parse_constant')

    def __new__(cls, context):
        self = object.__new__(cls)
        strict = context.strict
        self.strict = bool(strict)
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        return self

    def __call__(self, string, idx):
        if not isinstance(string, str):
            raise TypeError(f"first argument must be a string, not {type(string).__name__}")
        idx = _as_index(idx)
        if idx < 0:
            raise ValueError("idx cannot be negative")
        return self._value(string, idx, {})

    def _value(self, s, i, memo):
        n = len(s)
        if i >= n:
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return _scan_string(s, i + 1, self.strict)
        if c == '{':
            return self._object(s, i + 1, memo)
        if c == '[':
            return self._array(s, i + 1, memo)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        return self._number(s, i)

    def _number(self, s, start):
        n = len(s)
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and '1' <= s[i] <= '9':
            i += 1
            while i < n and '0' <= s[i] <= '9':
                i += 1
        elif i < n and s[i] == '0':
            i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
            i += 2
            while i < n and '0' <= s[i] <= '9':
                i += 1
            is_float = True
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            k = j
            while k < n and '0' <= s[k] <= '9':
                k += 1
            if k > j:
                i = k
                is_float = True
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    @staticmethod
    def _skip(s, i, n):
        while i < n and s[i] in _WS:
            i += 1
        return i

    def _object(self, s, i, memo):
        n = len(s)
        pairs = []
        i = self._skip(s, i, n)
        if i >= n or s[i] != '}':
            while True:
                if i >= n or s[i] != '"':
                    raise _error("Expecting property name enclosed in double quotes", s, i)
                key, i = _scan_string(s, i + 1, self.strict)
                key = memo.setdefault(key, key)
                i = self._skip(s, i, n)
                if i >= n or s[i] != ':':
                    raise _error("Expecting ':' delimiter", s, i)
                i = self._skip(s, i + 1, n)
                value, i = self._value(s, i, memo)
                pairs.append((key, value))
                i = self._skip(s, i, n)
                if i < n and s[i] == '}':
                    break
                if i >= n or s[i] != ',':
                    raise _error("Expecting ',' delimiter", s, i)
                comma = i
                i = self._skip(s, i + 1, n)
                if i < n and s[i] == '}':
                    raise _error("Illegal trailing comma before end of object", s, comma)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i + 1

    def _array(self, s, i, memo):
        n = len(s)
        values = []
        i = self._skip(s, i, n)
        if i >= n or s[i] != ']':
            while True:
                value, i = self._value(s, i, memo)
                values.append(value)
                i = self._skip(s, i, n)
                if i < n and s[i] == ']':
                    break
                if i >= n or s[i] != ',':
                    raise _error("Expecting ',' delimiter", s, i)
                comma = i
                i = self._skip(s, i + 1, n)
                if i < n and s[i] == ']':
                    raise _error("Illegal trailing comma before end of array", s, comma)
        return values, i + 1


Scanner.__module__ = '_json'


_MISSING = object()


def _check_str(value, pos):
    if not isinstance(value, str):
        raise TypeError(f"make_encoder() argument {pos} must be str, not {type(value).__name__}")
    return value


class Encoder:
    """Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)"""

    __slots__ = ('markers', 'default', 'encoder', 'indent', 'key_separator', 'item_separator',
                 'sort_keys', 'skipkeys', '_allow_nan')

    def __new__(cls, markers, default, encoder, indent, key_separator, item_separator,
                sort_keys, skipkeys, allow_nan):
        if markers is not None and not isinstance(markers, dict):
            raise TypeError("make_encoder() argument 1 must be dict or None, not "
                            f"{type(markers).__name__}")
        self = object.__new__(cls)
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_separator = _check_str(key_separator, 5)
        self.item_separator = _check_str(item_separator, 6)
        self.sort_keys = bool(sort_keys)
        self.skipkeys = bool(skipkeys)
        self._allow_nan = bool(allow_nan)
        return self

    def __call__(self, obj=_MISSING, _current_indent_level=_MISSING):
        if obj is _MISSING:
            raise TypeError("_iterencode() missing required argument 'obj' (pos 1)")
        if _current_indent_level is _MISSING:
            raise TypeError("_iterencode() missing required argument "
                            "'_current_indent_level' (pos 2)")
        level = _as_index(_current_indent_level)
        out = []
        self._encode(obj, max(level, 0), out)
        return (''.join(out),)

    def _string(self, s):
        r = self.encoder(s)
        if not isinstance(r, str):
            raise TypeError(f"encoder() must return a string, not {type(r).__name__}")
        return r

    def _float(self, f):
        if f != f:
            text = 'NaN'
        elif f == float('inf'):
            text = 'Infinity'
        elif f == -float('inf'):
            text = '-Infinity'
        else:
            return float.__repr__(f)
        if not self._allow_nan:
            raise ValueError("Out of range float values are not JSON compliant: " + repr(f))
        return text

    def _scalar(self, o):
        # The JSON text of a scalar, or None for containers and other objects.
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, str):
            return self._string(o)
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self._float(o)
        return None

    def _encode(self, o, level, out):
        text = self._scalar(o)
        if text is not None:
            out.append(text)
        elif isinstance(o, (list, tuple)):
            self._list(o, level, out)
        elif isinstance(o, dict):
            self._dict(o, level, out)
        else:
            markers = self.markers
            if markers is not None:
                key = id(o)
                if key in markers:
                    raise ValueError("Circular reference detected")
                markers[key] = o
            new = self.default(o)
            try:
                self._encode(new, level, out)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(o).__name__} object')
                raise
            if markers is not None:
                del markers[key]

    def _list(self, seq, level, out):
        if not seq:
            out.append('[]')
            return
        markers = self.markers
        if markers is not None:
            key = id(seq)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = seq
        out.append('[')
        sep = self.item_separator
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = sep + newline
            out.append(newline)
        i = 0
        for value in seq:
            if i:
                out.append(sep)
            try:
                self._encode(value, level, out)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(seq).__name__} item {i}')
                raise
            i += 1
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append(']')
        if markers is not None:
            del markers[key]

    def _dict(self, dct, level, out):
        if not dct:
            out.append('{}')
            return
        markers = self.markers
        if markers is not None:
            mkey = id(dct)
            if mkey in markers:
                raise ValueError("Circular reference detected")
            markers[mkey] = dct
        out.append('{')
        sep = self.item_separator
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = sep + newline
            out.append(newline)
        items = list(dct.items())
        if self.sort_keys:
            items.sort()
        first = True
        for original, value in items:
            key = original
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self._float(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, '
                                f'not {type(key).__name__}')
            if not first:
                out.append(sep)
            first = False
            out.append(self._string(key))
            out.append(self.key_separator)
            try:
                self._encode(value, level, out)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(dct).__name__} item {original!r}')
                raise
        if indent is not None:
            level -= 1
            out.append('\n' + indent * level)
        out.append('}')
        if markers is not None:
            del markers[mkey]


Encoder.__module__ = '_json'
