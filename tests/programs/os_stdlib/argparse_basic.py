# argparse, which imports os (through shutil and gettext).
# expect-stderr
import argparse
import sys

parser = argparse.ArgumentParser(prog='tool', description='A test tool.')
parser.add_argument('files', nargs='*')
parser.add_argument('-v', '--verbose', action='store_true')
parser.add_argument('--count', type=int, default=3)
parser.add_argument('--mode', choices=['a', 'b'], default='a')
ns = parser.parse_args(['x.txt', 'y.txt', '-v', '--count', '5'])
print(ns, ns.files, ns.verbose, ns.count)
print(parser.format_usage().strip())
print(parser.format_help())
try:
    parser.parse_args(['--count', 'abc'])
except SystemExit as e:
    print('exit', e.code)
sub = argparse.ArgumentParser(prog='git')
sp = sub.add_subparsers(dest='cmd')
c = sp.add_parser('commit')
c.add_argument('-m')
print(sub.parse_args(['commit', '-m', 'msg']))

