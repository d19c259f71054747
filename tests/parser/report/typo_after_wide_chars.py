s = "日本語"
fro ch in s: pass
