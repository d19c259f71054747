import a.b.c as d
import a.b.c
