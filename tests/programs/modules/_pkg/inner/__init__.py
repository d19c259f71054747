from .. import VALUE
from ..sub import twice
deep_value = twice(VALUE)
