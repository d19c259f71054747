# expect-stderr
data = {"users": [{"name": "a", "tags": ["x"]}, {"name": "b", "tags": []}]}
first_tags = [user["tags"][0] for user in data["users"] if user["name"] in ("a", "b")]
