# expect-stderr
import does_not_exist_anywhere
