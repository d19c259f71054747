t = t'a{b}c{d!r:>{w}}'
u = t''
