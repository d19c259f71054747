class C:
    '''Doc.'''
    def m(self):
        '''M doc.'''
        pass
