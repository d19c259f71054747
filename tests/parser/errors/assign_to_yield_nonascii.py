é = yield = 1
