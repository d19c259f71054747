from os import path
from os import path as p, sep
from . import x
from ..a import b
from m import *
