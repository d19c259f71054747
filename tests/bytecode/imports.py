import os
import os.path as osp
import xml.etree.ElementTree
from sys import argv, path as p
from os import *
from . import sibling
from ..pkg import thing
def lazy():
    import json
    from json import dumps
    return json, dumps
