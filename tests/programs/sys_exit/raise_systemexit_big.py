# expect-stderr
raise SystemExit(256 + 7)
