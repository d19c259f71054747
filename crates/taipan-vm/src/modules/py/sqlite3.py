# The Python part of Taipan's `_sqlite3` module (CPython's Modules/_sqlite/): the DB-API
# classes Connection, Cursor and Row, the exceptions, adapters and converters, on the native
# primitives of sqlite/mod.rs (`_open`, `_prepare`, `_bind`, `_step`, `_row`, ...), which hold
# the SQLite database and statements in native handles.

import _thread

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2
LEGACY_TRANSACTION_CONTROL = -1
threadsafety = 3

_CONSTANTS = {
    'SQLITE_ABORT': 4,
    'SQLITE_ABORT_ROLLBACK': 516,
    'SQLITE_ALTER_TABLE': 26,
    'SQLITE_ANALYZE': 28,
    'SQLITE_ATTACH': 24,
    'SQLITE_AUTH': 23,
    'SQLITE_AUTH_USER': 279,
    'SQLITE_BUSY': 5,
    'SQLITE_BUSY_RECOVERY': 261,
    'SQLITE_BUSY_SNAPSHOT': 517,
    'SQLITE_BUSY_TIMEOUT': 773,
    'SQLITE_CANTOPEN': 14,
    'SQLITE_CANTOPEN_CONVPATH': 1038,
    'SQLITE_CANTOPEN_DIRTYWAL': 1294,
    'SQLITE_CANTOPEN_FULLPATH': 782,
    'SQLITE_CANTOPEN_ISDIR': 526,
    'SQLITE_CANTOPEN_NOTEMPDIR': 270,
    'SQLITE_CANTOPEN_SYMLINK': 1550,
    'SQLITE_CONSTRAINT': 19,
    'SQLITE_CONSTRAINT_CHECK': 275,
    'SQLITE_CONSTRAINT_COMMITHOOK': 531,
    'SQLITE_CONSTRAINT_FOREIGNKEY': 787,
    'SQLITE_CONSTRAINT_FUNCTION': 1043,
    'SQLITE_CONSTRAINT_NOTNULL': 1299,
    'SQLITE_CONSTRAINT_PINNED': 2835,
    'SQLITE_CONSTRAINT_PRIMARYKEY': 1555,
    'SQLITE_CONSTRAINT_ROWID': 2579,
    'SQLITE_CONSTRAINT_TRIGGER': 1811,
    'SQLITE_CONSTRAINT_UNIQUE': 2067,
    'SQLITE_CONSTRAINT_VTAB': 2323,
    'SQLITE_CORRUPT': 11,
    'SQLITE_CORRUPT_INDEX': 779,
    'SQLITE_CORRUPT_SEQUENCE': 523,
    'SQLITE_CORRUPT_VTAB': 267,
    'SQLITE_CREATE_INDEX': 1,
    'SQLITE_CREATE_TABLE': 2,
    'SQLITE_CREATE_TEMP_INDEX': 3,
    'SQLITE_CREATE_TEMP_TABLE': 4,
    'SQLITE_CREATE_TEMP_TRIGGER': 5,
    'SQLITE_CREATE_TEMP_VIEW': 6,
    'SQLITE_CREATE_TRIGGER': 7,
    'SQLITE_CREATE_VIEW': 8,
    'SQLITE_CREATE_VTABLE': 29,
    'SQLITE_DBCONFIG_DEFENSIVE': 1010,
    'SQLITE_DBCONFIG_DQS_DDL': 1014,
    'SQLITE_DBCONFIG_DQS_DML': 1013,
    'SQLITE_DBCONFIG_ENABLE_FKEY': 1002,
    'SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER': 1004,
    'SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION': 1005,
    'SQLITE_DBCONFIG_ENABLE_QPSG': 1007,
    'SQLITE_DBCONFIG_ENABLE_TRIGGER': 1003,
    'SQLITE_DBCONFIG_ENABLE_VIEW': 1015,
    'SQLITE_DBCONFIG_LEGACY_ALTER_TABLE': 1012,
    'SQLITE_DBCONFIG_LEGACY_FILE_FORMAT': 1016,
    'SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE': 1006,
    'SQLITE_DBCONFIG_RESET_DATABASE': 1009,
    'SQLITE_DBCONFIG_TRIGGER_EQP': 1008,
    'SQLITE_DBCONFIG_TRUSTED_SCHEMA': 1017,
    'SQLITE_DBCONFIG_WRITABLE_SCHEMA': 1011,
    'SQLITE_DELETE': 9,
    'SQLITE_DENY': 1,
    'SQLITE_DETACH': 25,
    'SQLITE_DONE': 101,
    'SQLITE_DROP_INDEX': 10,
    'SQLITE_DROP_TABLE': 11,
    'SQLITE_DROP_TEMP_INDEX': 12,
    'SQLITE_DROP_TEMP_TABLE': 13,
    'SQLITE_DROP_TEMP_TRIGGER': 14,
    'SQLITE_DROP_TEMP_VIEW': 15,
    'SQLITE_DROP_TRIGGER': 16,
    'SQLITE_DROP_VIEW': 17,
    'SQLITE_DROP_VTABLE': 30,
    'SQLITE_EMPTY': 16,
    'SQLITE_ERROR': 1,
    'SQLITE_ERROR_MISSING_COLLSEQ': 257,
    'SQLITE_ERROR_RETRY': 513,
    'SQLITE_ERROR_SNAPSHOT': 769,
    'SQLITE_FORMAT': 24,
    'SQLITE_FULL': 13,
    'SQLITE_FUNCTION': 31,
    'SQLITE_IGNORE': 2,
    'SQLITE_INSERT': 18,
    'SQLITE_INTERNAL': 2,
    'SQLITE_INTERRUPT': 9,
    'SQLITE_IOERR': 10,
    'SQLITE_IOERR_ACCESS': 3338,
    'SQLITE_IOERR_AUTH': 7178,
    'SQLITE_IOERR_BEGIN_ATOMIC': 7434,
    'SQLITE_IOERR_BLOCKED': 2826,
    'SQLITE_IOERR_CHECKRESERVEDLOCK': 3594,
    'SQLITE_IOERR_CLOSE': 4106,
    'SQLITE_IOERR_COMMIT_ATOMIC': 7690,
    'SQLITE_IOERR_CONVPATH': 6666,
    'SQLITE_IOERR_CORRUPTFS': 8458,
    'SQLITE_IOERR_DATA': 8202,
    'SQLITE_IOERR_DELETE': 2570,
    'SQLITE_IOERR_DELETE_NOENT': 5898,
    'SQLITE_IOERR_DIR_CLOSE': 4362,
    'SQLITE_IOERR_DIR_FSYNC': 1290,
    'SQLITE_IOERR_FSTAT': 1802,
    'SQLITE_IOERR_FSYNC': 1034,
    'SQLITE_IOERR_GETTEMPPATH': 6410,
    'SQLITE_IOERR_LOCK': 3850,
    'SQLITE_IOERR_MMAP': 6154,
    'SQLITE_IOERR_NOMEM': 3082,
    'SQLITE_IOERR_RDLOCK': 2314,
    'SQLITE_IOERR_READ': 266,
    'SQLITE_IOERR_ROLLBACK_ATOMIC': 7946,
    'SQLITE_IOERR_SEEK': 5642,
    'SQLITE_IOERR_SHMLOCK': 5130,
    'SQLITE_IOERR_SHMMAP': 5386,
    'SQLITE_IOERR_SHMOPEN': 4618,
    'SQLITE_IOERR_SHMSIZE': 4874,
    'SQLITE_IOERR_SHORT_READ': 522,
    'SQLITE_IOERR_TRUNCATE': 1546,
    'SQLITE_IOERR_UNLOCK': 2058,
    'SQLITE_IOERR_VNODE': 6922,
    'SQLITE_IOERR_WRITE': 778,
    'SQLITE_LIMIT_ATTACHED': 7,
    'SQLITE_LIMIT_COLUMN': 2,
    'SQLITE_LIMIT_COMPOUND_SELECT': 4,
    'SQLITE_LIMIT_EXPR_DEPTH': 3,
    'SQLITE_LIMIT_FUNCTION_ARG': 6,
    'SQLITE_LIMIT_LENGTH': 0,
    'SQLITE_LIMIT_LIKE_PATTERN_LENGTH': 8,
    'SQLITE_LIMIT_SQL_LENGTH': 1,
    'SQLITE_LIMIT_TRIGGER_DEPTH': 10,
    'SQLITE_LIMIT_VARIABLE_NUMBER': 9,
    'SQLITE_LIMIT_VDBE_OP': 5,
    'SQLITE_LIMIT_WORKER_THREADS': 11,
    'SQLITE_LOCKED': 6,
    'SQLITE_LOCKED_SHAREDCACHE': 262,
    'SQLITE_LOCKED_VTAB': 518,
    'SQLITE_MISMATCH': 20,
    'SQLITE_MISUSE': 21,
    'SQLITE_NOLFS': 22,
    'SQLITE_NOMEM': 7,
    'SQLITE_NOTADB': 26,
    'SQLITE_NOTFOUND': 12,
    'SQLITE_NOTICE': 27,
    'SQLITE_NOTICE_RECOVER_ROLLBACK': 539,
    'SQLITE_NOTICE_RECOVER_WAL': 283,
    'SQLITE_OK': 0,
    'SQLITE_OK_LOAD_PERMANENTLY': 256,
    'SQLITE_OK_SYMLINK': 512,
    'SQLITE_PERM': 3,
    'SQLITE_PRAGMA': 19,
    'SQLITE_PROTOCOL': 15,
    'SQLITE_RANGE': 25,
    'SQLITE_READ': 20,
    'SQLITE_READONLY': 8,
    'SQLITE_READONLY_CANTINIT': 1288,
    'SQLITE_READONLY_CANTLOCK': 520,
    'SQLITE_READONLY_DBMOVED': 1032,
    'SQLITE_READONLY_DIRECTORY': 1544,
    'SQLITE_READONLY_RECOVERY': 264,
    'SQLITE_READONLY_ROLLBACK': 776,
    'SQLITE_RECURSIVE': 33,
    'SQLITE_REINDEX': 27,
    'SQLITE_ROW': 100,
    'SQLITE_SAVEPOINT': 32,
    'SQLITE_SCHEMA': 17,
    'SQLITE_SELECT': 21,
    'SQLITE_TOOBIG': 18,
    'SQLITE_TRANSACTION': 22,
    'SQLITE_UPDATE': 23,
    'SQLITE_WARNING': 28,
    'SQLITE_WARNING_AUTOINDEX': 284,
}
globals().update(_CONSTANTS)
# sqlite3_open_v2's flags (not exported by CPython's module).
_OPEN_READWRITE = 0x2
_OPEN_CREATE = 0x4
_OPEN_URI = 0x40

_PRIMARY = ("OK ERROR INTERNAL PERM ABORT BUSY LOCKED NOMEM READONLY INTERRUPT IOERR CORRUPT "
            "NOTFOUND FULL CANTOPEN PROTOCOL EMPTY SCHEMA TOOBIG CONSTRAINT MISMATCH MISUSE NOLFS "
            "AUTH FORMAT RANGE NOTADB NOTICE WARNING ROW DONE").split()
_ERROR_NAMES = {}
for _k, _v in _CONSTANTS.items():
    _base = _k[7:].split("_")[0]
    if _k[7:] in _PRIMARY or (_v > 255 and _base in _PRIMARY):
        _ERROR_NAMES[_v] = _k
del _k, _v, _base


class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class InternalError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class DataError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_EXCEPTIONS = {c.__name__: c for c in (
    Warning, Error, InterfaceError, DatabaseError, InternalError, OperationalError,
    ProgrammingError, IntegrityError, DataError, NotSupportedError)}
for _c in _EXCEPTIONS.values():
    _c.__module__ = "sqlite3"
del _c
_EXCEPTIONS["_tracebacks"] = False
_init(_EXCEPTIONS, _ERROR_NAMES)


class PrepareProtocol:
    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError("PrepareProtocol() takes no arguments")


PrepareProtocol.__module__ = "sqlite3"

adapters = {}
converters = {}


def register_adapter(type, adapter, /):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError("register_converter() argument 1 must be str, not %s"
                        % builtins_type(typename).__name__)
    converters[typename.upper()] = converter


builtins_type = type
_MISSING = object()


def adapt(obj, proto=PrepareProtocol, alt=_MISSING, /):
    adapter = adapters.get((builtins_type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    adapt_method = getattr(proto, "__adapt__", None)
    if adapt_method is not None:
        try:
            result = adapt_method(obj)
        except TypeError:
            pass
        else:
            if result is not None:
                return result
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        result = conform(proto)
        if result is not None:
            return result
    if alt is not _MISSING:
        return alt
    raise ProgrammingError("can't adapt")


def complete_statement(statement):
    if not isinstance(statement, str):
        raise TypeError("complete_statement() argument 'statement' must be str, not %s"
                        % builtins_type(statement).__name__)
    return _complete(statement)


def enable_callback_tracebacks(enable, /):
    _EXCEPTIONS["_tracebacks"] = bool(enable)


def _check_int(value, what):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % builtins_type(value).__name__)
    return value


def _skip_comments(sql):
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in " \t\n\r\f":
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            if j < 0:
                return n
            i = j + 1
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            if j < 0:
                return n
            i = j + 2
        else:
            break
    return i


def _is_dml(sql):
    head = sql[_skip_comments(sql):][:7].lower()
    return head.startswith(("insert", "update", "delete", "replace"))


_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class Row:
    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not %s"
                            % builtins_type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not %s"
                            % builtins_type(data).__name__)
        self._description = cursor.description
        self._data = data

    def keys(self):
        if self._description is None:
            return []
        return [d[0] for d in self._description]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __getitem__(self, key):
        if isinstance(key, str):
            if self._description is not None:
                for i, d in enumerate(self._description):
                    if d[0].casefold() == key.casefold():
                        return self._data[i]
            raise IndexError("No item with that key")
        if isinstance(key, (int, slice)):
            return self._data[key]
        try:
            index = key.__index__()
        except AttributeError:
            raise IndexError("Index must be int or string") from None
        return self._data[index]

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)

    def __repr__(self):
        return "<sqlite3.Row object at %#x>" % id(self)


Row.__module__ = "sqlite3"


class Cursor:
    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError("Cursor() argument 1 must be sqlite3.Connection, not %s"
                            % builtins_type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self.row_factory = None
        self._stmt = None
        self._has_row = False
        self._closed = False
        self._types = None
        self._converters = None

    def _check(self):
        if self.__dict__.get("_closed") is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        self.connection._check()
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")

    def _drop_statement(self):
        if self._stmt is not None:
            _finalize(self._stmt)
            self._stmt = None
        self._has_row = False

    def _bind_all(self, stmt, parameters):
        names = _params(stmt)
        n = len(names)
        if isinstance(parameters, dict) or (
                not isinstance(parameters, (tuple, list)) and hasattr(parameters, "keys")
                and hasattr(parameters, "__getitem__")):
            for i, name in enumerate(names, 1):
                if name is None:
                    raise ProgrammingError(
                        "Binding %d has no name, but you supplied a dictionary (which has only names)." % i)
                key = name[1:]
                try:
                    value = parameters[key]
                except LookupError:
                    raise ProgrammingError(
                        "You did not supply a value for binding parameter %s." % name) from None
                self._bind_one(stmt, i, value)
            return
        try:
            count = len(parameters)
            parameters.__getitem__
        except (TypeError, AttributeError):
            raise ProgrammingError("parameters are of unsupported type") from None
        if count != n:
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement uses %d, "
                "and there are %d supplied." % (n, count))
        for i in range(n):
            self._bind_one(stmt, i + 1, parameters[i])

    def _bind_one(self, stmt, i, value):
        t = builtins_type(value)
        if t not in (int, float, str, bytes) and value is not None:
            if adapters:
                value = adapt(value, PrepareProtocol, value)
            if builtins_type(value) not in (int, float, str, bytes) and value is not None:
                conform = getattr(value, "__conform__", None)
                if conform is not None:
                    r = conform(PrepareProtocol)
                    if r is not None:
                        value = r
        try:
            ok = _bind(self.connection._db, stmt, i, value)
        except OverflowError:
            raise
        if not ok:
            raise ProgrammingError("Error binding parameter %d: type '%s' is not supported"
                                   % (i, builtins_type(value).__name__))

    def _prepare(self, sql, fname):
        if not isinstance(sql, str):
            raise TypeError("%s() argument 1 must be str, not %s" % (fname, builtins_type(sql).__name__))
        stmt, rest = _prepare(self.connection._db, sql)
        if rest and _skip_comments(rest) < len(rest):
            if stmt is not None:
                _finalize(stmt)
            raise ProgrammingError("You can only execute one statement at a time.")
        return stmt

    def _begin_if_needed(self, sql):
        con = self.connection
        if (con._autocommit == LEGACY_TRANSACTION_CONTROL and con._isolation_level is not None
                and _is_dml(sql) and not _info(con._db, "in_transaction")):
            con._exec("BEGIN " + con._isolation_level)

    def _set_description(self, stmt):
        cols = _columns(stmt)
        if not cols:
            self.description = None
            self._converters = None
            return
        detect = self.connection._detect_types
        desc = []
        convs = []
        for name, decltype in cols:
            conv = None
            if detect & PARSE_COLNAMES:
                lb = name.find("[")
                if lb >= 0:
                    rb = name.find("]", lb)
                    if rb >= 0:
                        conv = converters.get(name[lb + 1:rb].upper())
                    if detect & PARSE_COLNAMES:
                        name = name[:lb].rstrip() if lb > 0 else name[:lb]
            if conv is None and detect & PARSE_DECLTYPES and decltype:
                key = decltype.split("(")[0].split()[0] if decltype.split() else ""
                conv = converters.get(key.upper())
            desc.append((name, None, None, None, None, None, None))
            convs.append(conv)
        self.description = tuple(desc)
        self._converters = convs if any(c is not None for c in convs) else None

    def execute(self, sql, parameters=(), /):
        self._check()
        self._drop_statement()
        stmt = self._prepare(sql, "execute")
        self.rowcount = -1
        if stmt is None:
            self.description = None
            return self
        try:
            self._begin_if_needed(sql)
            self._bind_all(stmt, parameters)
            self._set_description(stmt)
            has_row = _step(self.connection._db, stmt)
        except BaseException:
            _finalize(stmt)
            raise
        if not _readonly(stmt) and _is_dml(sql):
            self.rowcount = _info(self.connection._db, "changes")
        self.lastrowid = _info(self.connection._db, "lastrowid")
        if has_row:
            self._stmt = stmt
            self._has_row = True
        else:
            _finalize(stmt)
        return self

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        self._drop_statement()
        stmt = self._prepare(sql, "executemany")
        self.rowcount = -1
        if stmt is None:
            return self
        try:
            if not _is_dml(sql):
                raise ProgrammingError("executemany() can only execute DML statements.")
            self._begin_if_needed(sql)
            it = iter(seq_of_parameters)
            total = 0
            for parameters in it:
                _reset(stmt)
                self._bind_all(stmt, parameters)
                if _step(self.connection._db, stmt):
                    raise ProgrammingError("executemany() can only execute DML statements.")
                total += _info(self.connection._db, "changes")
            self.rowcount = total
            self._set_description(stmt)
        finally:
            _finalize(stmt)
        self.lastrowid = None
        return self

    def executescript(self, sql_script, /):
        self._check()
        self._drop_statement()
        if not isinstance(sql_script, str):
            raise ValueError("script argument must be unicode.")
        con = self.connection
        if con._autocommit == LEGACY_TRANSACTION_CONTROL and _info(con._db, "in_transaction"):
            con._exec("COMMIT")
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        rest = sql_script
        while rest and _skip_comments(rest) < len(rest):
            before = rest
            stmt, rest = _prepare(con._db, rest)
            if stmt is None:
                if rest == before:
                    break
                continue
            try:
                while _step(con._db, stmt):
                    pass
            finally:
                _finalize(stmt)
        return self

    def _make_row(self):
        con = self.connection
        tf = con.text_factory
        values = _row(self._stmt, tf is not str)
        if tf is not str or self._converters is not None:
            types = None
            values = list(values)
            convs = self._converters
            for i, v in enumerate(values):
                conv = convs[i] if convs is not None else None
                if conv is not None:
                    if v is None:
                        continue
                    if isinstance(v, str):
                        v = v.encode()
                    elif isinstance(v, (int, float)):
                        v = str(v).encode()
                    values[i] = conv(v)
                elif tf is not str and isinstance(v, bytes):
                    if types is None:
                        types = _column_types(self._stmt, len(values))
                    if types[i] == 3:
                        values[i] = tf(v)
            values = tuple(values)
        if self.row_factory is not None:
            return self.row_factory(self, values)
        return values

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        if not self._has_row:
            raise StopIteration
        row = self._make_row()
        if not _step(self.connection._db, self._stmt):
            self._drop_statement()
        return row

    def fetchone(self):
        try:
            return self.__next__()
        except StopIteration:
            return None

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        rows = []
        for _ in range(size):
            row = self.fetchone()
            if row is None:
                break
            rows.append(row)
        return rows

    def fetchall(self):
        return list(self)

    def close(self):
        if self.__dict__.get("_closed") is None:
            raise ProgrammingError("Base Cursor.__init__ not called.")
        self.connection._check()
        self._drop_statement()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


Cursor.__module__ = "sqlite3"


def _column_types(stmt, n):
    return _coltypes(stmt)



class Connection:
    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    InternalError = InternalError
    OperationalError = OperationalError
    ProgrammingError = ProgrammingError
    IntegrityError = IntegrityError
    DataError = DataError
    NotSupportedError = NotSupportedError

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False, *,
                 autocommit=LEGACY_TRANSACTION_CONTROL):
        import os
        path = os.fsdecode(database)
        flags = _OPEN_READWRITE | _OPEN_CREATE
        if uri:
            flags |= _OPEN_URI
        self._db = None
        self._thread = _thread.get_ident()
        self._check_same_thread = bool(check_same_thread)
        self._detect_types = _check_int(detect_types, "detect_types")
        self._set_autocommit(autocommit)
        self._isolation_level = None
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str
        self._db = _open(path, flags, float(timeout))
        if self._autocommit is False:
            self._exec("BEGIN")

    def _set_autocommit(self, value):
        if value is LEGACY_TRANSACTION_CONTROL or value == LEGACY_TRANSACTION_CONTROL and not isinstance(value, bool):
            self._autocommit = LEGACY_TRANSACTION_CONTROL
        elif value is True or value is False:
            self._autocommit = value
        else:
            raise ValueError("autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL")

    def _check(self):
        if "_db" not in self.__dict__:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._check_same_thread and _thread.get_ident() != self._thread:
            raise ProgrammingError(
                "SQLite objects created in a thread can only be used in that same thread. "
                "The object was created in thread id %d and this is thread id %d."
                % (self._thread, _thread.get_ident()))
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")

    def _exec(self, sql):
        stmt, _ = _prepare(self._db, sql)
        try:
            while _step(self._db, stmt):
                pass
        finally:
            _finalize(stmt)

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        if value is None:
            if self._db is not None and self._autocommit == LEGACY_TRANSACTION_CONTROL \
                    and _info(self._db, "in_transaction"):
                self._exec("COMMIT")
            self._isolation_level = None
            return
        if not isinstance(value, str):
            raise TypeError("isolation_level must be str or None")
        level = str.upper(value)
        if level not in _ISOLATION_LEVELS:
            raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
        self._isolation_level = level

    @property
    def autocommit(self):
        self._check()
        return self._autocommit

    @autocommit.setter
    def autocommit(self, value):
        self._check()
        old = self._autocommit
        self._set_autocommit(value)
        if self._autocommit is True and old is not True and _info(self._db, "in_transaction"):
            self._exec("COMMIT")
        elif self._autocommit is False and old is not False and not _info(self._db, "in_transaction"):
            self._exec("BEGIN")

    @property
    def in_transaction(self):
        self._check()
        return _info(self._db, "in_transaction")

    @property
    def total_changes(self):
        self._check()
        return _info(self._db, "total_changes")

    def cursor(self, factory=Cursor):
        self._check()
        cur = factory(self)
        if not isinstance(cur, Cursor):
            raise TypeError("factory must return a cursor, not %s" % builtins_type(cur).__name__)
        if self.row_factory is not None:
            cur.row_factory = self.row_factory
        return cur

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if self._autocommit == LEGACY_TRANSACTION_CONTROL:
            if _info(self._db, "in_transaction"):
                self._exec("COMMIT")
        elif self._autocommit is False:
            self._exec("COMMIT")
            self._exec("BEGIN")

    def rollback(self):
        self._check()
        if self._autocommit == LEGACY_TRANSACTION_CONTROL:
            if _info(self._db, "in_transaction"):
                self._exec("ROLLBACK")
        elif self._autocommit is False:
            self._exec("ROLLBACK")
            self._exec("BEGIN")

    def close(self):
        if "_db" not in self.__dict__:
            raise ProgrammingError("Base Connection.__init__ not called.")
        if self._check_same_thread and _thread.get_ident() != self._thread:
            self._check()
        if self._db is None:
            return
        if self._autocommit is False and _info(self._db, "in_transaction"):
            self._exec("ROLLBACK")
        db, self._db = self._db, None
        _close(db)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, exc_type, exc_value, traceback, /):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def __call__(self, sql, /):
        self._check()
        stmt = Cursor(self)._prepare(sql, "__call__")
        return stmt

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        if func is not None and not callable(func):
            raise TypeError("parameter must be callable")
        _create_function(self._db, name, _check_int(narg, "narg"), func, deterministic, 0)

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        if aggregate_class is not None and not callable(aggregate_class):
            raise TypeError("parameter must be callable")
        _create_function(self._db, name, _check_int(n_arg, "n_arg"), aggregate_class, False, 1)

    def create_collation(self, name, callable_, /):
        self._check()
        if callable_ is not None and not callable(callable_):
            raise TypeError("parameter must be callable")
        _create_function(self._db, name, 0, callable_, False, 2)

    def interrupt(self):
        self._check()
        _info(self._db, "interrupt")

    def iterdump(self, *, filter=None):
        from sqlite3.dump import _iterdump
        return _iterdump(self, filter=filter)

    def getlimit(self, category, /):
        self._check()
        return self._limit(category, -1)

    def setlimit(self, category, limit, /):
        self._check()
        return self._limit(category, _check_int(limit, "limit"))

    def _limit(self, category, value):
        category = _check_int(category, "category")
        if not 0 <= category <= 11:
            raise ProgrammingError("'category' is out of bounds")
        return _limit(self._db, category, value)

    def _unsupported(self, *args, **kwargs):
        self._check()
        raise NotSupportedError("not supported by this build of sqlite3")

    def set_trace_callback(self, trace_callback):
        self._check()
        _set_hook(self._db, 0, trace_callback, 0)

    def set_progress_handler(self, progress_handler, n):
        self._check()
        _set_hook(self._db, 1, progress_handler, _check_int(n, "n"))

    def set_authorizer(self, authorizer_callback):
        self._check()
        if authorizer_callback is not None and not callable(authorizer_callback):
            raise TypeError("parameter must be callable")
        _set_hook(self._db, 2, authorizer_callback, 0)

    enable_load_extension = load_extension = backup = blobopen = _unsupported
    serialize = deserialize = getconfig = setconfig = _unsupported


Connection.__module__ = "sqlite3"


def connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
            factory=Connection, cached_statements=128, uri=False, *,
            autocommit=LEGACY_TRANSACTION_CONTROL):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread,
                   factory, cached_statements, uri, autocommit=autocommit)


class Blob:
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'sqlite3.Blob' instances")


Blob.__module__ = "sqlite3"

