# The layers of civitas as build targets. Each layer's library sees only the headers of its own
# parts and of the parts below it, through a folder of links in the build tree
# (build/layers/<target>/): a source or header that includes a higher layer's header does not
# build ("No such file or directory"). docs/architecture.md draws the layers.

# civitas_layer_includes(<target> PARTS <part>...): the public headers include/civitas/<part>/ and
# the private ones src/<part>/ of these parts, and the generated headers, are all <target> sees;
# PARTS all: every header. Where links cannot be made (Windows without the privilege), it sees
# every header and the layers go unchecked (a status message says so).
function(civitas_layer_includes target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "PARTS")
    if(arg_PARTS STREQUAL "all")
        target_include_directories(${target}
            PUBLIC "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>" "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>"
            PRIVATE "${PROJECT_SOURCE_DIR}/src")
        return()
    endif()
    set(stage "${PROJECT_BINARY_DIR}/layers/${target}")
    file(REMOVE_RECURSE "${stage}")
    file(MAKE_DIRECTORY "${stage}/public/civitas" "${stage}/private")
    set(links
        "${PROJECT_BINARY_DIR}/include/civitas/export.hpp" "${stage}/public/civitas/export.hpp"
        "${PROJECT_BINARY_DIR}/include/civitas/version.hpp" "${stage}/public/civitas/version.hpp")
    foreach(part IN LISTS arg_PARTS)
        list(APPEND links
            "${PROJECT_SOURCE_DIR}/include/civitas/${part}" "${stage}/public/civitas/${part}"
            "${PROJECT_SOURCE_DIR}/src/${part}" "${stage}/private/${part}")
    endforeach()
    while(links)
        list(POP_FRONT links original link)
        file(CREATE_LINK "${original}" "${link}" RESULT failed SYMBOLIC)
        if(failed)
            message(STATUS "civitas: no links in the build tree (${failed}); the layers of ${target} go unchecked")
            civitas_layer_includes(${target} PARTS all)
            return()
        endif()
    endwhile()
    target_include_directories(${target}
        PUBLIC "$<BUILD_INTERFACE:${stage}/public>"
        PRIVATE "${stage}/private")
endfunction()

# civitas_add_layer(<target> EXPORT_NAME <name> PARTS <part>... SOURCES <file>...): a library of
# civitas with the settings all layers share; installed consumers find it as civitas::<name>.
function(civitas_add_layer target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "EXPORT_NAME" "PARTS;SOURCES")
    add_library(${target} ${arg_SOURCES})
    add_library(civitas::${arg_EXPORT_NAME} ALIAS ${target})
    civitas_layer_includes(${target} PARTS ${arg_PARTS})
    target_include_directories(${target} PUBLIC "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
    if(NOT BUILD_SHARED_LIBS)
        target_compile_definitions(${target} PUBLIC CIVITAS_STATIC_DEFINE)
    endif()
    target_compile_features(${target} PUBLIC cxx_std_17)
    target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:civitas_warnings>)
    set_target_properties(${target} PROPERTIES
        VERSION ${PROJECT_VERSION}
        SOVERSION ${PROJECT_VERSION_MAJOR}
        POSITION_INDEPENDENT_CODE ON
        EXPORT_NAME ${arg_EXPORT_NAME})
    # An installed shared library finds the layers below it next door, wherever the prefix is.
    if(BUILD_SHARED_LIBS AND NOT APPLE AND NOT WIN32 AND NOT CMAKE_INSTALL_RPATH)
        set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN")
    endif()
endfunction()
