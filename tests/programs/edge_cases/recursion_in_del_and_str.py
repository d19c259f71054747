class S:
    def __str__(self):
        return str(self)
try:
    str(S())
except RecursionError as e:
    print("RecursionError", e)
class G:
    def __getattr__(self, name):
        return self.missing
try:
    G().x
except RecursionError as e:
    print("RecursionError", e)
