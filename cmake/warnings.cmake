# Warnings live in a private INTERFACE target so consumers never inherit them.
add_library(civitas_warnings INTERFACE)
if(MSVC)
    target_compile_options(civitas_warnings INTERFACE /W4 /utf-8 $<$<BOOL:${CIVITAS_WARNINGS_AS_ERRORS}>:/WX>)
else()
    target_compile_options(civitas_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
        "$<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor;-Wold-style-cast;-Woverloaded-virtual>"  # C++ only: the C API is tested from C
        -Wimplicit-fallthrough
        $<$<BOOL:${CIVITAS_WARNINGS_AS_ERRORS}>:-Werror>)
endif()
