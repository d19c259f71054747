try:
  with a0:
    try:
      with a1:
        try:
          with a2:
            try:
              with a3:
                try:
                  with a4:
                    try:
                      with a5:
                        try:
                          with a6:
                            try:
                              with a7:
                                try:
                                  with a8:
                                    try:
                                      with a9:
                                        try:
                                          with a10:
                                            try:
                                              with a11:
                                                pass
                                            finally:
                                              pass
                                        finally:
                                          pass
                                    finally:
                                      pass
                                finally:
                                  pass
                            finally:
                              pass
                        finally:
                          pass
                    finally:
                      pass
                finally:
                  pass
            finally:
              pass
        finally:
          pass
    finally:
      pass
finally:
  pass
