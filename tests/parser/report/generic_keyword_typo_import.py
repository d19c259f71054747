improt os
