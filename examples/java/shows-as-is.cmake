# Fails unless the file README holds the file EXAMPLE whole, as it is (cmake -DREADME= -DEXAMPLE= -P).
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
string(FIND "${readme}" "${example}" at)
if(at EQUAL -1)
    message(FATAL_ERROR "${README} no longer shows ${EXAMPLE} as it is")
endif()
