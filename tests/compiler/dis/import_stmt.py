import os
import os.path
import os.path as p
import a, b
