# FrameLocalsProxy for Taipan (PEP 667): `frame.f_locals` of a function frame, a mapping that
# reads and writes the frame's variables. Written in Python over native helpers that the VM
# puts in this namespace: _fast_items(frame) -> [(name, value)] of the bound variables,
# _fast_set(frame, name, value) -> whether name is one of the frame's variables (then written),
# _is_fast(frame, name), and _extra(frame) -> the dict of other names stored through a proxy.


_in_repr = set()


class FrameLocalsProxy:
    __slots__ = ('_frame',)

    def __new__(cls, frame, /):
        self = object.__new__(cls)
        self._frame = frame
        return self

    def _items(self):
        items = _fast_items(self._frame)
        items.extend(_extra(self._frame).items())
        return items

    def __getitem__(self, key):
        if isinstance(key, str):
            for name, value in _fast_items(self._frame):
                if name == key:
                    return value
        extra = _extra(self._frame)
        if key in extra:
            return extra[key]
        raise KeyError(f"local variable '{key!r}' is not defined")

    def __setitem__(self, key, value):
        if isinstance(key, str) and _fast_set(self._frame, key, value):
            return
        _extra(self._frame)[key] = value

    def __delitem__(self, key):
        if isinstance(key, str) and _is_fast(self._frame, key):
            raise ValueError("cannot remove local variables from FrameLocalsProxy")
        del _extra(self._frame)[key]

    def __contains__(self, key):
        if isinstance(key, str):
            for name, _ in _fast_items(self._frame):
                if name == key:
                    return True
        return key in _extra(self._frame)

    def __iter__(self):
        return iter([k for k, _ in self._items()])

    def __reversed__(self):
        return reversed([k for k, _ in self._items()])

    def __len__(self):
        return len(self._items())

    def keys(self):
        return dict(self._items()).keys()

    def values(self):
        return dict(self._items()).values()

    def items(self):
        return dict(self._items()).items()

    def get(self, key, default=None, /):
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key, default=None, /):
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default

    def pop(self, key, *default):
        if isinstance(key, str) and _is_fast(self._frame, key):
            raise ValueError("cannot remove local variables from FrameLocalsProxy")
        return _extra(self._frame).pop(key, *default)

    def update(self, other, /):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v

    def copy(self):
        return dict(self._items())

    def __eq__(self, other):
        if isinstance(other, FrameLocalsProxy):
            other = other.copy()
        return self.copy() == other

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __or__(self, other):
        d = self.copy()
        d.update(other)
        return d

    def __ror__(self, other):
        d = dict(other)
        d.update(self.copy())
        return d

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        me = id(self._frame)
        if me in _in_repr:
            return '{...}'
        _in_repr.add(me)
        try:
            return repr(self.copy())
        finally:
            _in_repr.discard(me)


FrameLocalsProxy.__module__ = 'builtins'
