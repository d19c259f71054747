import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(4), op.pos(-4), op.abs(-3), op.invert(5))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None), op.contains([1], 1))
print(op.getitem([1, 2], 1), op.concat([1], [2]), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.rshift(16, 2), op.matmul.__name__)
l = [1, 2, 3]
op.setitem(l, 0, 9); op.delitem(l, 1)
print(l, op.iadd([1], [2]), op.imul("ab", 2), op.index(5), op.call(len, "abc"))
f = op.attrgetter("real", "imag")
g = op.itemgetter(slice(1, None))
h = op.methodcaller("split", ",")
print(f(3 + 4j), g("hello"), h("a,b"), op.attrgetter("__class__.__name__")(1))
