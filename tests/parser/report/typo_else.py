for x in y:
    iff x: pass
    esle: pass
