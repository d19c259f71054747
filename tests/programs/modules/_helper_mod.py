"""Helper module imported by the modules/ programs (files starting with _ are not programs)."""
print("importing _helper_mod")
__all__ = ["greet", "CONSTANT"]
CONSTANT = 3.5
counter = 1
main_guard_ran = False


def greet(name):
    return "hello " + name


def _private_helper():
    return "private"


if __name__ == "__main__":
    main_guard_ran = True
