print("ASCII", "Latin-1: àéîõü", "Greek: αβγδ", "CJK: 漢字", "Emoji: 🐍🎉", "RTL: שלום", "Combining: e\u0301")
print("\u00a0nbsp", "zero\u200bwidth", "tab\there", sep="|")
import sys
sys.stdout.write("direct write é\n")
print(len("🐍"), len("🐍".encode()), "🐍".encode("utf-16-le"))
