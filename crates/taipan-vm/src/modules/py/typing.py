# The `_typing` module for Taipan, written in Python: the PEP 484/612/646/695 type-parameter
# objects (`TypeVar`, `ParamSpec` and its `args`/`kwargs`, `TypeVarTuple`), `TypeAliasType`
# (the `type X = ...` statement), `Generic`, `NoDefault` and `_idfunc`. `Union` is the class
# `int | str` makes (`import/py/namespace.py`). The VM's PEP 695 intrinsics call the `_make_*`
# helpers at the end. As CPython's, the substitution logic lives in `typing.py`, imported on
# first use.

import sys

Union = type(int | str)
_UNSET = object()  # a PEP 695 default not evaluated yet (or none)


def _typing_func(name):
    import typing
    return getattr(typing, name)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    return _typing_func('_type_check')(arg, msg)


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


def _no_subclass(name):
    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"type 'typing.{name}' is not an acceptable base type")
    return classmethod(__init_subclass__)


class _NoDefaultType:
    """The type of the NoDefault singleton."""
    __slots__ = ()
    _instance = None

    def __new__(cls, *args, **kwargs):
        if args or kwargs:
            raise TypeError('NoDefaultType takes no arguments')
        return NoDefault

    def __repr__(self):
        return 'typing.NoDefault'

    def __reduce__(self):
        return 'NoDefault'

    __init_subclass__ = _no_subclass('NoDefaultType')


_NoDefaultType.__name__ = _NoDefaultType.__qualname__ = 'NoDefaultType'
_NoDefaultType.__module__ = 'builtins'
NoDefault = object.__new__(_NoDefaultType)


class _ConstEvaluator:
    """Internal type for implementing evaluation functions."""
    __slots__ = ('_value',)

    def __repr__(self):
        return f'<constevaluator {self._value!r}>'

    def __call__(self, format, /):
        if type(format) is not int:
            raise TypeError(
                f"'{type(format).__name__}' object cannot be interpreted as an integer")
        value = self._value
        if format == 4:
            if isinstance(value, tuple):
                return '(' + ', '.join(_type_repr(v) for v in value) + ')'
            return _type_repr(value)
        return value


_ConstEvaluator.__module__ = '_typing'


def _const_evaluator(value):
    ev = object.__new__(_ConstEvaluator)
    ev._value = value
    return ev


def _type_repr(p):
    if p is ...:
        return '...'
    if p is type(None):
        return 'None'
    if hasattr(p, '__origin__') and hasattr(p, '__args__'):
        return repr(p)
    qualname = getattr(p, '__qualname__', None)
    if qualname is None:
        return repr(p)
    module = getattr(p, '__module__', None)
    if module is None:
        return repr(p)
    if module == 'builtins':
        return str(qualname)
    return f'{module}.{qualname}'


def _check_variance(covariant, contravariant, infer_variance):
    if covariant and contravariant:
        raise ValueError('Bivariant types are not supported.')
    if infer_variance and (covariant or contravariant):
        raise ValueError('Variance cannot be specified with infer_variance.')


def _check_name(name, func):
    if not isinstance(name, str):
        raise TypeError(
            f"{func}() argument 'name' must be str, not {type(name).__name__}")


def _variance_repr(self):
    if self._infer_variance:
        return self._name
    if self._covariant:
        return '+' + self._name
    if self._contravariant:
        return '-' + self._name
    return '~' + self._name


def _union(a, b):
    return Union[a, b]


class TypeVar:
    """Type variable.

The preferred way to construct a type variable is via the dedicated
syntax for generic functions, classes, and type aliases::

    class Sequence[T]:  # T is a TypeVar
        ...

This syntax can also be used to create bound and constrained type
variables::

    # S is a TypeVar bound to str
    class StrSequence[S: str]:
        ...

    # A is a TypeVar constrained to str or bytes
    class StrOrBytesSequence[A: (str, bytes)]:
        ...

Type variables can also have defaults:

    class IntDefault[T = int]:
        ...

However, if desired, reusable type variables can also be constructed
manually, like so::

   T = TypeVar('T')  # Can be anything
   S = TypeVar('S', bound=str)  # Can be any subtype of str
   A = TypeVar('A', str, bytes)  # Must be exactly str or bytes
   D = TypeVar('D', default=int)  # Defaults to int

Type variables exist primarily for the benefit of static type
checkers.  They serve as the parameters for generic types as well
as for generic function and type alias definitions.

The variance of type variables is inferred by type checkers when they
are created through the type parameter syntax and when
``infer_variance=True`` is passed. Manually created type variables may
be explicitly marked covariant or contravariant by passing
``covariant=True`` or ``contravariant=True``. By default, manually
created type variables are invariant. See PEP 484 and PEP 695 for more
details.
"""

    __slots__ = ('_name', '_bound', '_eval_bound', '_constraints', '_eval_constraints',
                 '_default', '_eval_default', '_covariant', '_contravariant',
                 '_infer_variance', '__dict__', '__weakref__')

    def __new__(cls, name, *constraints, bound=None, default=NoDefault,
                covariant=False, contravariant=False, infer_variance=False):
        _check_name(name, 'typevar')
        covariant = bool(covariant)
        contravariant = bool(contravariant)
        infer_variance = bool(infer_variance)
        _check_variance(covariant, contravariant, infer_variance)
        if bound is not None:
            bound = _type_check(bound, 'Bound must be a type.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        self = _new_typevar(name, bound, None, constraints or None, None, default,
                            covariant, contravariant, infer_variance)
        module = _caller_module()
        if module is not None:
            self.__module__ = module
        return self

    @property
    def __name__(self):
        return self._name

    @property
    def __covariant__(self):
        return self._covariant

    @property
    def __contravariant__(self):
        return self._contravariant

    @property
    def __infer_variance__(self):
        return self._infer_variance

    @property
    def __bound__(self):
        if self._bound is not None:
            return self._bound
        if self._eval_bound is None:
            return None
        self._bound = self._eval_bound()
        return self._bound

    @property
    def __constraints__(self):
        if self._constraints is not None:
            return self._constraints
        if self._eval_constraints is None:
            return ()
        self._constraints = self._eval_constraints()
        return self._constraints

    @property
    def __default__(self):
        return _get_default(self)

    @property
    def evaluate_bound(self):
        if self._eval_bound is not None:
            return self._eval_bound
        if self._bound is not None:
            return _const_evaluator(self._bound)
        return None

    @property
    def evaluate_constraints(self):
        if self._eval_constraints is not None:
            return self._eval_constraints
        if self._constraints is not None:
            return _const_evaluator(self._constraints)
        return None

    @property
    def evaluate_default(self):
        return _evaluate_default(self)

    def __typing_subst__(self, arg, /):
        return _typing_func('_typevar_subst')(self, arg)

    def __typing_prepare_subst__(self, alias, args, /):
        params = alias.__parameters__
        i = params.index(self)
        n = len(args)
        if i < n:
            return args
        if i == n:
            default = _get_default(self)
            if default is not NoDefault:
                return args + (default,)
        raise TypeError(
            f'Too few arguments for {alias}; actual {n}, expected at least {i + 1}')

    def __reduce__(self):
        return self._name

    def has_default(self):
        return _has_default(self)

    def __mro_entries__(self, bases, /):
        raise TypeError('Cannot subclass an instance of TypeVar')

    __repr__ = _variance_repr
    __or__ = _union

    def __ror__(self, left):
        return Union[left, self]

    __init_subclass__ = _no_subclass('TypeVar')


def _get_default(self):
    if self._default is not _UNSET:
        return self._default
    if self._eval_default is None:
        return NoDefault
    self._default = self._eval_default()
    return self._default


def _evaluate_default(self):
    if self._eval_default is not None:
        return self._eval_default
    if self._default is not _UNSET:
        return _const_evaluator(self._default)
    return None


def _has_default(self):
    return self._eval_default is not None or (
        self._default is not _UNSET and self._default is not NoDefault)


def _new_typevar(name, bound, eval_bound, constraints, eval_constraints, default,
                 covariant, contravariant, infer_variance):
    self = object.__new__(TypeVar)
    self._name = name
    self._bound = bound
    self._eval_bound = eval_bound
    self._constraints = constraints
    self._eval_constraints = eval_constraints
    self._default = default
    self._eval_default = None
    self._covariant = covariant
    self._contravariant = contravariant
    self._infer_variance = infer_variance
    return self


class _ParamSpecAttr:
    __slots__ = ('_origin', '__weakref__')

    def __new__(cls, origin):
        self = object.__new__(cls)
        self._origin = origin
        return self

    @property
    def __origin__(self):
        return self._origin

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._origin == other._origin

    def __ne__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._origin != other._origin

    __hash__ = object.__hash__

    def _repr(self, suffix):
        if type(self._origin) is ParamSpec:
            return f'{self._origin._name}.{suffix}'
        return f'{self._origin!r}.{suffix}'


class ParamSpecArgs(_ParamSpecAttr):
    """The args for a ParamSpec object.

Given a ParamSpec object P, P.args is an instance of ParamSpecArgs.

ParamSpecArgs objects have a reference back to their ParamSpec::

    >>> P = ParamSpec("P")
    >>> P.args.__origin__ is P
    True

This type is meant for runtime introspection and has no special meaning
to static type checkers.
"""
    __slots__ = ()

    def __repr__(self):
        return self._repr('args')

    def __mro_entries__(self, bases, /):
        raise TypeError('Cannot subclass an instance of ParamSpecArgs')

    __init_subclass__ = _no_subclass('ParamSpecArgs')


class ParamSpecKwargs(_ParamSpecAttr):
    """The kwargs for a ParamSpec object.

Given a ParamSpec object P, P.kwargs is an instance of ParamSpecKwargs.

ParamSpecKwargs objects have a reference back to their ParamSpec::

    >>> P = ParamSpec("P")
    >>> P.kwargs.__origin__ is P
    True

This type is meant for runtime introspection and has no special meaning
to static type checkers.
"""
    __slots__ = ()

    def __repr__(self):
        return self._repr('kwargs')

    def __mro_entries__(self, bases, /):
        raise TypeError('Cannot subclass an instance of ParamSpecKwargs')

    __init_subclass__ = _no_subclass('ParamSpecKwargs')


class ParamSpec:
    """Parameter specification variable.

The preferred way to construct a parameter specification is via the
dedicated syntax for generic functions, classes, and type aliases,
where the use of '**' creates a parameter specification::

    type IntFunc[**P] = Callable[P, int]

The following syntax creates a parameter specification that defaults
to a callable accepting two positional-only arguments of types int
and str:

    type IntFuncDefault[**P = [int, str]] = Callable[P, int]

For compatibility with Python 3.11 and earlier, ParamSpec objects
can also be created as follows::

    P = ParamSpec('P')
    DefaultP = ParamSpec('DefaultP', default=[int, str])

Parameter specification variables exist primarily for the benefit of
static type checkers.  They are used to forward the parameter types of
one callable to another callable, a pattern commonly found in
higher-order functions and decorators.  They are only valid when used
in ``Concatenate``, or as the first argument to ``Callable``, or as
parameters for user-defined Generics. See class Generic for more
information on generic types.

An example for annotating a decorator::

    def add_logging[**P, T](f: Callable[P, T]) -> Callable[P, T]:
        '''A type-safe decorator to add logging to a function.'''
        def inner(*args: P.args, **kwargs: P.kwargs) -> T:
            logging.info(f'{f.__name__} was called')
            return f(*args, **kwargs)
        return inner

    @add_logging
    def add_two(x: float, y: float) -> float:
        '''Add two numbers together.'''
        return x + y

Parameter specification variables can be introspected. e.g.::

    >>> P = ParamSpec("P")
    >>> P.__name__
    'P'

Note that only parameter specification variables defined in the global
scope can be pickled.
"""

    __slots__ = ('_name', '_bound', '_default', '_eval_default', '_covariant',
                 '_contravariant', '_infer_variance', '__dict__', '__weakref__')

    def __new__(cls, name, *, bound=None, default=NoDefault, covariant=False,
                contravariant=False, infer_variance=False):
        _check_name(name, 'paramspec')
        covariant = bool(covariant)
        contravariant = bool(contravariant)
        infer_variance = bool(infer_variance)
        _check_variance(covariant, contravariant, infer_variance)
        if bound is not None:
            bound = _type_check(bound, 'Bound must be a type.')
        self = _new_paramspec(name, bound, default, covariant, contravariant, infer_variance)
        module = _caller_module()
        if module is not None:
            self.__module__ = module
        return self

    @property
    def __name__(self):
        return self._name

    @property
    def __bound__(self):
        return self._bound

    @property
    def __covariant__(self):
        return self._covariant

    @property
    def __contravariant__(self):
        return self._contravariant

    @property
    def __infer_variance__(self):
        return self._infer_variance

    @property
    def args(self):
        """Represents positional arguments."""
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        """Represents keyword arguments."""
        return ParamSpecKwargs(self)

    @property
    def __default__(self):
        """The default value for this ParamSpec."""
        return _get_default(self)

    @property
    def evaluate_default(self):
        return _evaluate_default(self)

    def __typing_subst__(self, arg, /):
        return _typing_func('_paramspec_subst')(self, arg)

    def __typing_prepare_subst__(self, alias, args, /):
        return _typing_func('_paramspec_prepare_subst')(self, alias, args)

    def __reduce__(self):
        return self._name

    def has_default(self):
        return _has_default(self)

    def __mro_entries__(self, bases, /):
        raise TypeError('Cannot subclass an instance of ParamSpec')

    __repr__ = _variance_repr
    __or__ = _union

    def __ror__(self, left):
        return Union[left, self]

    __init_subclass__ = _no_subclass('ParamSpec')


def _new_paramspec(name, bound, default, covariant, contravariant, infer_variance):
    self = object.__new__(ParamSpec)
    self._name = name
    self._bound = bound
    self._default = default
    self._eval_default = None
    self._covariant = covariant
    self._contravariant = contravariant
    self._infer_variance = infer_variance
    return self


def _unpack(self):
    return _typing_func('Unpack')[self]


class TypeVarTuple:
    """Type variable tuple. A specialized form of type variable that enables
variadic generics.

The preferred way to construct a type variable tuple is via the
dedicated syntax for generic functions, classes, and type aliases,
where a single '*' indicates a type variable tuple::

    def move_first_element_to_last[T, *Ts](tup: tuple[T, *Ts]) -> tuple[*Ts, T]:
        return (*tup[1:], tup[0])

Type variables tuples can have default values:

    type AliasWithDefault[*Ts = (str, int)] = tuple[*Ts]

For compatibility with Python 3.11 and earlier, TypeVarTuple objects
can also be created as follows::

    Ts = TypeVarTuple('Ts')  # Can be given any name
    DefaultTs = TypeVarTuple('Ts', default=(str, int))

Just as a TypeVar (type variable) is a placeholder for a single type,
a TypeVarTuple is a placeholder for an *arbitrary* number of types. For
example, if we define a generic class using a TypeVarTuple::

    class C[*Ts]: ...

Then we can parameterize that class with an arbitrary number of type
arguments::

    C[int]       # Fine
    C[int, str]  # Also fine
    C[()]        # Even this is fine

For more details, see PEP 646.

Note that only TypeVarTuples defined in the global scope can be
pickled.
"""

    __slots__ = ('_name', '_default', '_eval_default', '__dict__', '__weakref__')

    def __new__(cls, name, *, default=NoDefault):
        _check_name(name, 'typevartuple')
        self = _new_typevartuple(name, default)
        module = _caller_module()
        if module is not None:
            self.__module__ = module
        return self

    @property
    def __name__(self):
        return self._name

    @property
    def __default__(self):
        """The default value for this TypeVarTuple."""
        return _get_default(self)

    @property
    def evaluate_default(self):
        return _evaluate_default(self)

    def __iter__(self):
        yield _unpack(self)

    def __repr__(self):
        return self._name

    def __typing_subst__(self, arg, /):
        raise TypeError('Substitution of bare TypeVarTuple is not supported')

    def __typing_prepare_subst__(self, alias, args, /):
        return _typing_func('_typevartuple_prepare_subst')(self, alias, args)

    def __reduce__(self):
        return self._name

    def has_default(self):
        return _has_default(self)

    def __mro_entries__(self, bases, /):
        raise TypeError('Cannot subclass an instance of TypeVarTuple')

    __init_subclass__ = _no_subclass('TypeVarTuple')


def _new_typevartuple(name, default):
    self = object.__new__(TypeVarTuple)
    self._name = name
    self._default = default
    self._eval_default = None
    return self


def _unpack_typevartuples(params):
    if any(type(p) is TypeVarTuple for p in params):
        return tuple(_unpack(p) if type(p) is TypeVarTuple else p for p in params)
    return params


def _param_default(p):
    if type(p) in (TypeVar, ParamSpec, TypeVarTuple):
        return _get_default(p)
    raise TypeError(f'Expected a type param, got {p!r}')


class TypeAliasType:
    """Type alias.

Type aliases are created through the type statement::

    type Alias = int

In this example, Alias and int will be treated equivalently by static
type checkers.

At runtime, Alias is an instance of TypeAliasType. The __name__
attribute holds the name of the type alias. The value of the type alias
is stored in the __value__ attribute. It is evaluated lazily, so the
value is computed only if the attribute is accessed. The __module__
attribute holds the name of the module in which the type alias was
defined; it can be assigned to.

Type aliases can also be generic::

    type ListOrSet[T] = list[T] | set[T]

In this case, the type parameters of the alias are stored in the
__type_params__ attribute.

See PEP 695 for more information.
"""

    __slots__ = ('_name', '_type_params', '_compute_value', '_value',
                 '_module', '_has_value')

    def __new__(cls, name, value, *, type_params=None):
        _check_name(name, 'typealias')
        if type_params is not None and not isinstance(type_params, tuple):
            raise TypeError('type_params must be a tuple')
        if type_params:
            default_seen = False
            for p in type_params:
                if _param_default(p) is NoDefault:
                    if default_seen:
                        raise TypeError(f"non-default type parameter '{p!r}' "
                                        'follows default type parameter')
                else:
                    default_seen = True
        else:
            type_params = None
        return _new_alias(name, type_params, None, value, True,
                          _caller_module())

    @property
    def __name__(self):
        return self._name

    @property
    def __value__(self):
        if not self._has_value:
            self._value = self._compute_value()
            self._has_value = True
        return self._value

    @property
    def evaluate_value(self):
        if self._compute_value is not None:
            return self._compute_value
        return _const_evaluator(self._value)

    @property
    def __parameters__(self):
        if self._type_params is None:
            return ()
        return _unpack_typevartuples(self._type_params)

    @property
    def __type_params__(self):
        if self._type_params is None:
            return ()
        return self._type_params

    def _get_module(self):
        if self._module is not None:
            return self._module
        if self._compute_value is not None:
            g = getattr(self._compute_value, '__globals__', None)
            if g is not None and '__name__' in g:
                return g['__name__']
        return None

    def __getattribute__(self, name):
        if name == '__module__':
            return _get_attr(self, '_get_module')()
        return _get_attr(self, name)

    def __setattr__(self, name, value):
        if name.startswith('_') and not name.startswith('__'):
            _set_attr(self, name, value)
        elif hasattr(TypeAliasType, name):
            raise AttributeError(
                f"attribute '{name}' of 'typing.TypeAliasType' objects is not writable")
        else:
            raise AttributeError(
                f"'typing.TypeAliasType' object has no attribute '{name}' "
                'and no __dict__ for setting new attributes')

    def __getitem__(self, args):
        if self._type_params is None:
            raise TypeError('Only generic type aliases are subscriptable')
        return _GenericAlias(self, args)

    def __iter__(self):
        yield _unpack(self)

    def __repr__(self):
        return self._name

    def __reduce__(self):
        return self._name

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    __init_subclass__ = _no_subclass('TypeAliasType')


TypeAliasType.__module__ = 'typing'
_get_attr = object.__getattribute__
_set_attr = object.__setattr__
_GenericAlias = type(list[int])
_union_or = type(int | str).__or__


def _new_alias(name, type_params, compute_value, value, has_value, module):
    self = object.__new__(TypeAliasType)
    self._name = name
    self._type_params = type_params
    self._compute_value = compute_value
    self._value = value
    self._has_value = has_value
    self._module = module
    return self


class Generic:
    """Abstract base class for generic types.

On Python 3.12 and newer, generic classes implicitly inherit from
Generic when they declare a parameter list after the class's name::

    class Mapping[KT, VT]:
        def __getitem__(self, key: KT) -> VT:
            ...
        # Etc.

On older versions of Python, however, generic classes have to
explicitly inherit from Generic.

After a class has been declared to be generic, it can then be used as
follows::

    def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:
        try:
            return mapping[key]
        except KeyError:
            return default
"""
    __slots__ = ()

    @classmethod
    def __class_getitem__(cls, *args, **kwargs):
        """Parameterizes a generic class.

At least, parameterizing a generic class is the *main* thing this
method does.  For example, for some generic class `Foo`, this is
called when we do `Foo[int]` - there, with `cls=Foo` and
`params=int`.

However, note that this method is also called when defining generic
classes in the first place with `class Foo[T]: ...`.
"""
        return _typing_func('_generic_class_getitem')(cls, *args, **kwargs)

    @classmethod
    def __init_subclass__(cls, *args, **kwargs):
        """Function to initialize subclasses."""
        return _typing_func('_generic_init_subclass')(cls, *args, **kwargs)


def _idfunc(_, x):
    return x


for _cls in (TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs, TypeVarTuple, Generic):
    _cls.__module__ = 'typing'
del _cls


# --- the VM's PEP 695 intrinsics -------------------------------------------------------------

def _make_typevar(name, eval_bound, eval_constraints):
    return _new_typevar(name, None, eval_bound, None, eval_constraints, _UNSET,
                        False, False, True)


def _make_paramspec(name):
    return _new_paramspec(name, None, _UNSET, False, False, True)


def _make_typevartuple(name):
    return _new_typevartuple(name, _UNSET)


def _set_typeparam_default(p, evaluate_default):
    if type(p) in (TypeVar, ParamSpec, TypeVarTuple):
        p._eval_default = evaluate_default
        return p
    raise TypeError(f'Expected a type param, got {p!r}')


def _subscript_generic(params):
    return _typing_func('_GenericAlias')(Generic, _unpack_typevartuples(params))


def _make_typealias(args):
    name, type_params, compute_value = args
    if type_params is None or type_params == ():
        type_params = None
    return _new_alias(name, type_params, compute_value,
                      None, False, None)
