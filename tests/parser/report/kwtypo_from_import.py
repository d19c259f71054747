"""doc"""
from os improt path
