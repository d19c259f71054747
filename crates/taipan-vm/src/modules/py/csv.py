# The Python part of Taipan's `_csv` module (what `csv.py` is built on): `Dialect` with
# CPython's validation and messages, the `reader` (a character state machine over the lines
# of its iterable, one state per position in a record) and the `writer` (quoting and escaping
# per dialect), the dialect registry and `field_size_limit`. Runs in a private namespace; the
# module receives CPython's names.

__version__ = '1.0'

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)

_dialects = {}
_field_limit = [128 * 1024]


class Error(Exception):
    pass


Error.__module__ = '_csv'

_NOT_SET = object()


def _char(name, src, dflt):
    if src is _NOT_SET:
        return dflt
    if not isinstance(src, str):
        raise TypeError('"%s" must be a unicode character, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a unicode character, not a string of length %d'
                        % (name, len(src)))
    return src


def _char_or_none(name, src, dflt):
    if src is _NOT_SET:
        return dflt
    if src is None:
        return None
    if not isinstance(src, str):
        raise TypeError('"%s" must be a unicode character or None, not %s'
                        % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a unicode character or None, not a string of length %d'
                        % (name, len(src)))
    return src


def _bool(src, dflt):
    return dflt if src is _NOT_SET else bool(src)


def _check_char(name, c, lineterminator, allowspace):
    if c is None:
        return
    if c in '\r\n' or (c == ' ' and not allowspace):
        raise ValueError('bad %s value' % name)
    if c in lineterminator:
        raise ValueError('bad %s or lineterminator value' % name)


def _check_chars(name1, name2, c1, c2):
    if c1 is not None and c1 == c2:
        raise ValueError('bad %s or %s value' % (name1, name2))


_FIELDS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting',
           'skipinitialspace', 'strict')


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ('_d_delimiter', '_d_doublequote', '_d_escapechar', '_d_lineterminator',
                 '_d_quotechar', '_d_quoting', '_d_skipinitialspace', '_d_strict',
                 '__weakref__')

    def __new__(cls, *args, **kwargs):
        names = ('dialect',) + _FIELDS
        if len(args) > len(names):
            raise TypeError('Dialect() takes at most %d arguments (%d given)'
                            % (len(names), len(args) + len(kwargs)))
        given = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError("this function got an unexpected keyword argument '%s'" % k)
            if k in given:
                raise TypeError("argument for Dialect() given by name ('%s') and position (%d)"
                                % (k, names.index(k) + 1))
            given[k] = v
        dialect = given.pop('dialect', None)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if isinstance(dialect, Dialect) and not given:
                return dialect
            for f in _FIELDS:
                if f not in given:
                    try:
                        given[f] = getattr(dialect, f)
                    except AttributeError:
                        pass
        g = lambda f: given.get(f, _NOT_SET)
        self = object.__new__(cls)
        delimiter = _char('delimiter', g('delimiter'), ',')
        doublequote = _bool(g('doublequote'), True)
        escapechar = _char_or_none('escapechar', g('escapechar'), None)
        lt = g('lineterminator')
        if lt is _NOT_SET:
            lineterminator = '\r\n'
        elif not isinstance(lt, str):
            raise TypeError('"lineterminator" must be a string, not %s' % type(lt).__name__)
        else:
            lineterminator = lt
        quotechar = _char_or_none('quotechar', g('quotechar'), '"')
        q = g('quoting')
        if q is _NOT_SET:
            quoting = QUOTE_MINIMAL
        else:
            if type(q) is not int:
                raise TypeError('"quoting" must be an integer, not %s' % type(q).__name__)
            if not -2**31 <= q < 2**31:
                raise OverflowError('Python int too large to convert to C int')
            quoting = q
        skipinitialspace = _bool(g('skipinitialspace'), False)
        strict = _bool(g('strict'), False)
        if quoting not in range(6):
            raise TypeError('bad "quoting" value')
        if g('quotechar') is None and g('quoting') is _NOT_SET:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        if lineterminator is None:
            raise TypeError('lineterminator must be set')
        _check_char('delimiter', delimiter, lineterminator, True)
        _check_char('escapechar', escapechar, lineterminator, not skipinitialspace)
        _check_char('quotechar', quotechar, lineterminator, not skipinitialspace)
        _check_chars('delimiter', 'escapechar', delimiter, escapechar)
        _check_chars('delimiter', 'quotechar', delimiter, quotechar)
        _check_chars('escapechar', 'quotechar', escapechar, quotechar)
        s = object.__setattr__
        s(self, '_d_delimiter', delimiter)
        s(self, '_d_doublequote', doublequote)
        s(self, '_d_escapechar', escapechar)
        s(self, '_d_lineterminator', lineterminator)
        s(self, '_d_quotechar', quotechar)
        s(self, '_d_quoting', quoting)
        s(self, '_d_skipinitialspace', skipinitialspace)
        s(self, '_d_strict', strict)
        return self

    def __setattr__(self, name, value):
        if name in _FIELDS:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable"
                                 % name)
        object.__setattr__(self, name, value)

    def __reduce__(self):
        raise TypeError("cannot pickle '%s' instances" % type(self).__name__)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '%s' instances" % type(self).__name__)

    delimiter = property(lambda self: self._d_delimiter)
    doublequote = property(lambda self: self._d_doublequote)
    escapechar = property(lambda self: self._d_escapechar)
    lineterminator = property(lambda self: self._d_lineterminator)
    quotechar = property(lambda self: self._d_quotechar)
    quoting = property(lambda self: self._d_quoting)
    skipinitialspace = property(lambda self: self._d_skipinitialspace)
    strict = property(lambda self: self._d_strict)


Dialect.__module__ = '_csv'


def _call_dialect(dialect, kwargs):
    if dialect is _NOT_SET:
        return Dialect(**kwargs)
    return Dialect(dialect, **kwargs)


# Reader states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)
_EOL = None


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    __slots__ = ('_input', '_dialect', '_fields', '_state', '_field', '_unquoted',
                 '_line_num', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_csv.reader' instances")

    dialect = property(lambda self: self._dialect)
    line_num = property(lambda self: self._line_num)

    def __iter__(self):
        return self

    def _save_field(self):
        quoting = self._dialect.quoting
        if self._unquoted and not self._field and quoting in (QUOTE_NOTNULL, QUOTE_STRINGS):
            field = None
        else:
            field = ''.join(self._field)
            if self._unquoted and field and quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
                field = float(field)
            self._field = []
        self._fields.append(field)

    def _add_char(self, c):
        limit = _field_limit[0]
        if len(self._field) >= limit:
            raise Error('field larger than field limit (%d)' % limit)
        self._field.append(c)

    def _process(self, c):
        d = self._dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            self._unquoted = True
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._unquoted = False
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_FIELD
        elif state == _AFTER_ESCAPED_CRNL or state == _IN_FIELD:
            if state == _AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - do you need to "
                            "open the file with newline=''?")

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._unquoted = False
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self._dialect.strict:
                        raise Error('unexpected end of data') from None
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file should be '
                            'opened in text mode)' % type(line).__name__)
            self._line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


Reader.__module__ = '_csv'
Reader.__name__ = Reader.__qualname__ = 'reader'


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    __slots__ = ('_write', '_dialect', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_csv.writer' instances")

    dialect = property(lambda self: self._dialect)

    def _join(self, parts, field, quoted):
        d = self._dialect
        text = '' if field is None else field
        if not text and d.delimiter == ' ' and d.skipinitialspace:
            if d.quoting == QUOTE_NONE or (field is None and
                                            d.quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                raise Error('empty field must be quoted if delimiter is a space and '
                            'skipinitialspace is true')
            quoted = True
        out = []
        special = (d.delimiter, d.escapechar, d.quotechar, '\n', '\r')
        lt = d.lineterminator
        for c in text:
            want_escape = False
            if c in special or c in lt:
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
            out.append(c)
        body = ''.join(out)
        if quoted:
            body = d.quotechar + body + d.quotechar
        parts.append(body)

    def writerow(self, row, /):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        d = self._dialect
        try:
            it = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        parts = []
        null_field = False
        for field in it:
            q = d.quoting
            if q == QUOTE_NONNUMERIC:
                t = type(field)
                quoted = not (hasattr(t, '__index__') or hasattr(t, '__float__')
                              or hasattr(t, '__int__'))
            elif q == QUOTE_ALL:
                quoted = True
            elif q == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif q == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            null_field = field is None
            if isinstance(field, str):
                self._join(parts, field, quoted)
            elif null_field:
                self._join(parts, None, quoted)
            else:
                self._join(parts, str(field), quoted)
        if len(parts) == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE or (null_field and
                                            d.quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                raise Error('single empty field record must be quoted')
            parts = [d.quotechar * 2]
        line = d.delimiter.join(parts) + d.lineterminator
        return self._write(line)

    def writerows(self, rows, /):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__module__ = '_csv'
Writer.__name__ = Writer.__qualname__ = 'writer'


def reader(*args, **kwargs):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)

The "iterable" argument can be any object that returns a line
of input for each iteration, such as a file object or a list.  The
optional "dialect" parameter is discussed below.  The function
also accepts optional keyword arguments which override settings
provided by the dialect.

The returned object is an iterator.  Each iteration returns a row
of the CSV file (which can span multiple input lines).
"""
    if not 1 <= len(args) <= 2:
        raise TypeError('expected at least 1 argument, got 0' if not args
                        else 'expected at most 2 arguments, got %d' % len(args))
    self = object.__new__(Reader)
    self._input = iter(args[0])
    self._dialect = _call_dialect(args[1] if len(args) > 1 else _NOT_SET, kwargs)
    self._line_num = 0
    self._fields = []
    self._field = []
    self._state = _START_RECORD
    self._unquoted = False
    return self


def writer(*args, **kwargs):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)

    [or]

    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    csv_writer.writerows(rows)

The "fileobj" argument can be any object that supports the file API.
"""
    if not 1 <= len(args) <= 2:
        raise TypeError('expected at least 1 argument, got 0' if not args
                        else 'expected at most 2 arguments, got %d' % len(args))
    self = object.__new__(Writer)
    write = getattr(args[0], 'write', None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    self._write = write
    self._dialect = _call_dialect(args[1] if len(args) > 1 else _NOT_SET, kwargs)
    return self


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    if not 1 <= len(args) <= 2:
        raise TypeError('expected at least 1 argument, got 0' if not args
                        else 'expected at most 2 arguments, got %d' % len(args))
    name = args[0]
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _call_dialect(args[1] if len(args) > 1 else _NOT_SET, kwargs)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.

    csv.unregister_dialect(name)"""
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name.

    dialect = csv.get_dialect(name)"""
    try:
        return _dialects[name]
    except KeyError:
        raise Error('unknown dialect') from None


def list_dialects():
    """Return a list of all known dialect names.

    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.

    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    if kwargs:
        if args or set(kwargs) != {'new_limit'}:
            raise TypeError("field_size_limit() got an unexpected keyword argument")
        args = (kwargs['new_limit'],)
    if len(args) > 1:
        raise TypeError('field_size_limit() takes at most 1 argument (%d given)' % len(args))
    old = _field_limit[0]
    if args:
        new = args[0]
        if type(new) is not int:
            raise TypeError('limit must be an integer')
        if not -2**63 <= new < 2**63:
            raise OverflowError('Python int too large to convert to C ssize_t')
        _field_limit[0] = new
    return old
