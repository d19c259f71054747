# The `_tokenize` module for Taipan, written in Python: `TokenizerIter`, which `tokenize.py`
# iterates over. It reads the whole source through `readline` on the first
# `next()`, then yields the tokens of the native `_tokenize_text` and raises its SyntaxError, if
# any, after the tokens before it.


class TokenizerIter:
    __module__ = '_tokenize'

    def __init__(self, readline, /, *, extra_tokens, encoding=None):
        self._readline = readline
        self._extra = bool(extra_tokens)
        self._encoding = encoding
        self._tokens = None
        self._error = None
        self._pos = 0

    def __iter__(self):
        return self

    def _read(self):
        parts = []
        while True:
            try:
                line = self._readline()
            except StopIteration:
                break
            if self._encoding is not None:
                if not isinstance(line, bytes):
                    raise TypeError("readline() returned a non-bytes object")
                line = line.decode(self._encoding)
            elif not isinstance(line, str):
                raise TypeError("readline() returned a non-string object")
            if not line:
                break
            parts.append(line)
        return ''.join(parts)

    def __next__(self):
        if self._tokens is None:
            self._tokens, self._error = _tokenize_text(self._read(), self._extra)
        if self._pos < len(self._tokens):
            t = self._tokens[self._pos]
            self._pos += 1
            return t
        if self._error is not None:
            e, self._error = self._error, None
            raise e
        raise StopIteration
