import sys
print(__name__ == "__main__", "_helper_mod" in sys.modules)
import _helper_mod
print("_helper_mod" in sys.modules, _helper_mod.main_guard_ran)
if __name__ == "__main__":
    print("main guard executed")
