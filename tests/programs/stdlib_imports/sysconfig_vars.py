# sysconfig's build-time variables load (test.support reads them at import).
import sys, sysconfig
print(repr(sys.abiflags))
print(sysconfig.get_config_var("Py_GIL_DISABLED"), sysconfig.get_config_var("Py_DEBUG"))
print(sysconfig.get_config_var("SOABI"), sysconfig.get_config_var("EXT_SUFFIX"))
print(type(sysconfig.get_config_var("CFLAGS")).__name__)
print(sysconfig.get_config_var("SIZEOF_VOID_P"), sysconfig.get_config_var("MULTIARCH"))
print(sysconfig.get_config_var("no such variable"))
print(sys._jit.is_enabled(), sys._jit.is_active())
