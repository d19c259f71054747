print 'héllo', 'wörld'
