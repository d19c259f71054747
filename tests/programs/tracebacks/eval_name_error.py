# expect-stderr
namespace = {"alpha": 1}
eval("alpha + beta", namespace)
