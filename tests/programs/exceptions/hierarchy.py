checks = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError), (FileNotFoundError, OSError), (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (UnicodeDecodeError, ValueError), (StopIteration, Exception), (KeyboardInterrupt, Exception), (SystemExit, BaseException), (GeneratorExit, Exception), (BaseExceptionGroup, BaseException), (ExceptionGroup, Exception), (TimeoutError, OSError), (BrokenPipeError, ConnectionError), (IndentationError, SyntaxError), (TabError, IndentationError), (FloatingPointError, ArithmeticError), (OverflowError, ArithmeticError), (PythonFinalizationError, RuntimeError)]
for sub, base in checks:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print(EnvironmentError is OSError, IOError is OSError)
