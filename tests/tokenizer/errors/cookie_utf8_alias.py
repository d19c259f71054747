  # -*- coding: UTF_8 -*-
é = 1
