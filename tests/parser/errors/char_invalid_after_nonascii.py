s = 'éé'; ‘quoted’
