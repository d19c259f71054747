"""A package for the modules/ programs."""
print("init _pkg", __name__, __package__, __spec__.parent)
__all__ = ["sub", "VALUE"]
VALUE = 10
from . import sub
from .inner import deep_value
