# coding: iso8859-15
x = "€"
