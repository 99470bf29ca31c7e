a.o: cases/t/x.cpp include/mini/mini.hpp \
  /usr/include/c++/12/vector my\ dir/b$$.h

b.h:
