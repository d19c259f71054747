from collections import namedtuple, defaultdict
Item = namedtuple("Item", "sku name category price qty")
items = [Item("A1", "widget", "tools", 2.50, 10), Item("B2", "gadget", "tools", 12.00, 3), Item("C3", "apple", "food", 0.40, 150), Item("D4", "bread", "food", 2.25, 0), Item("E5", "hammer", "tools", 15.99, 1)]
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
for cat in sorted(by_cat):
    total = sum(i.price * i.qty for i in by_cat[cat])
    print(f"{cat:<6}|{len(by_cat[cat]):>3} items | value {total:>8.2f}")
print([i.name for i in sorted(items, key=lambda i: (-i.price * i.qty, i.name))])
print("out of stock:", [i.sku for i in items if not i.qty], "cheapest:", min(items, key=lambda i: i.price).name)
print(items[0]._replace(qty=0), items[1]._asdict())
