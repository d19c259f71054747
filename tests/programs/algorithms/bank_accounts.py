class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.amount = amount
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0.0):
        self.owner, self.balance = owner, balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance:.2f})"
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)
alice, bob = Account("alice", 100), Account("bob")
transfer(alice, bob, 30)
for amt in [80, -5]:
    try:
        transfer(bob, alice, amt) if amt > 0 else bob.deposit(amt)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(alice, bob, alice.history, bob.history)
