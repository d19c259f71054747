# The messages of the size/position arguments of StringIO and BytesIO: "integer or None"
# converters versus plain index conversion.
import io
for cls in (io.StringIO, io.BytesIO):
    f = cls()
    for arg in ("x", 1.5, [], b"x"):
        try:
            f.truncate(arg)
        except Exception as e:
            print(cls.__name__, type(e).__name__, e)
    try: f.seek("x")
    except Exception as e: print(cls.__name__, "seek", type(e).__name__, e)
    try: f.read("x")
    except Exception as e: print(cls.__name__, "read", type(e).__name__, e)
    try: f.readline("x")
    except Exception as e: print(cls.__name__, "readline", type(e).__name__, e)
    f.write("abcdef" if cls is io.StringIO else b"abcdef")
    print(f.truncate(-0) if False else f.truncate(3), f.getvalue())
    try: f.truncate(-1)
    except Exception as e: print(cls.__name__, "negative", type(e).__name__, e)
    print(f.read(None), f.read(-5), f.tell())
