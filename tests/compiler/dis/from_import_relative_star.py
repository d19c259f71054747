from .m import *
