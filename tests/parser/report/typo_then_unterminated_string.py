whille x: s = "abc
