
# coding: ascii
x = 'é'
