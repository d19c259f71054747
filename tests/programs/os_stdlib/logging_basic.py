# logging, which imports os, time, threading and traceback.
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s')
log = logging.getLogger('app')
log.debug('debug %d', 1)
log.info('info')
log.warning('warn %s', 'x')
child = logging.getLogger('app.child')
child.setLevel(logging.ERROR)
child.warning('hidden')
child.error('shown')
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
print(logging.getLevelName(logging.WARNING), log.getEffectiveLevel(), child.parent is log)
