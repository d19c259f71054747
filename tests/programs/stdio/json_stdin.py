# json.load(sys.stdin) and json.dump to sys.stdout, as json.tool does.
import json
import sys

data = json.load(sys.stdin)
json.dump(data, sys.stdout, indent=2, sort_keys=True)
sys.stdout.write("\n")
json.dump(data, sys.stdout, ensure_ascii=False)
print()
