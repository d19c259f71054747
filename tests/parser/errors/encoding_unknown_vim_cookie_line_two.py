#!/usr/bin/env python
# vim: set fileencoding=nope :
x = 1
