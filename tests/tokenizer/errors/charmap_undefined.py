#!/usr/bin/python
# coding: cp1252
x = ''
