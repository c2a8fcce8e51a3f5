# Install rules and the package config, so that consumers can write
#     find_package(civitas 0.1 REQUIRED)
#     target_link_libraries(app PRIVATE civitas::civitas)
# or, for the numerical methods alone (Eigen, no Boost):
#     find_package(civitas 0.1 REQUIRED COMPONENTS methods)
#     target_link_libraries(app PRIVATE civitas::methods)
# Components: civitas_Runtime (shared library, program, bundled data) and
# civitas_Development (headers, static library, CMake package files).
# tests/package/ and scripts/test-packaging.sh check all of this.

include(CMakePackageConfigHelpers)

set(CIVITAS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/civitas"
    CACHE STRING "Where the CMake package files of civitas are installed, relative to the prefix")
mark_as_advanced(CIVITAS_INSTALL_CMAKEDIR)

# The libraries and their headers, the hand-written ones and the generated export and version
# headers. The numerical layers (core, methods: Eigen alone) are one export set, the rest (Boost)
# another, so that `find_package(civitas COMPONENTS methods)` needs no Boost.
install(TARGETS civitas_core civitas_methods
    EXPORT civitas-methods-targets
    RUNTIME COMPONENT civitas_Runtime
    LIBRARY COMPONENT civitas_Runtime NAMELINK_COMPONENT civitas_Development
    ARCHIVE COMPONENT civitas_Development)
install(TARGETS civitas
    EXPORT civitas-targets
    RUNTIME COMPONENT civitas_Runtime
    LIBRARY COMPONENT civitas_Runtime NAMELINK_COMPONENT civitas_Development
    ARCHIVE COMPONENT civitas_Development)
install(DIRECTORY
        "${PROJECT_SOURCE_DIR}/include/civitas"
        "${PROJECT_BINARY_DIR}/include/civitas"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
    COMPONENT civitas_Development
    FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")

# The C API, libcivitas_c (civitas.h, installed above), when it is built: for CMake consumers as
# civitas::c, for everyone else through pkg-config (`pkg-config --cflags --libs civitas`). The .pc
# file finds the prefix from where it lies, so an installed copy can be moved.
if(TARGET civitas_c)
    install(TARGETS civitas_c
        EXPORT civitas-targets
        RUNTIME COMPONENT civitas_Runtime
        LIBRARY COMPONENT civitas_Runtime NAMELINK_COMPONENT civitas_Development
        ARCHIVE COMPONENT civitas_Development)
    # Folders under the prefix are written relative to the .pc file; absolute ones as they are.
    if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
        set(CIVITAS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
    else()
        file(RELATIVE_PATH _civitas_pc_up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
        set(CIVITAS_PC_PREFIX "\${pcfiledir}/${_civitas_pc_up}")
    endif()
    foreach(_civitas_dir IN ITEMS LIBDIR INCLUDEDIR)
        if(IS_ABSOLUTE "${CMAKE_INSTALL_${_civitas_dir}}")
            set(CIVITAS_PC_${_civitas_dir} "${CMAKE_INSTALL_${_civitas_dir}}")
        else()
            set(CIVITAS_PC_${_civitas_dir} "\${prefix}/${CMAKE_INSTALL_${_civitas_dir}}")
        endif()
    endforeach()
    configure_file("${PROJECT_SOURCE_DIR}/capi/civitas.pc.in" "${PROJECT_BINARY_DIR}/civitas.pc" @ONLY)
    install(FILES "${PROJECT_BINARY_DIR}/civitas.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
        COMPONENT civitas_Development)
endif()

# The command-line program, when it is built. With a shared library in a private prefix it
# finds the library next door.
if(TARGET civitas-cli)
    if(BUILD_SHARED_LIBS AND NOT APPLE AND NOT WIN32)
        get_target_property(_civitas_cli_rpath civitas-cli INSTALL_RPATH)
        if(NOT _civitas_cli_rpath)
            file(RELATIVE_PATH _civitas_bin_to_lib
                 "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}")
            set_target_properties(civitas-cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_civitas_bin_to_lib}")
        endif()
        unset(_civitas_cli_rpath)
        unset(_civitas_bin_to_lib)
    endif()
    install(TARGETS civitas-cli RUNTIME COMPONENT civitas_Runtime)
    # The program holds CLI11's code, whose licence (BSD-3-Clause) asks that its notice go with it.
    install(FILES "${PROJECT_SOURCE_DIR}/third_party/CLI11/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        RENAME CLI11-LICENSE COMPONENT civitas_Runtime)
endif()

# nlohmann/json is compiled into the libraries (MIT: its notice goes with the copies).
install(FILES "${PROJECT_SOURCE_DIR}/third_party/licenses/nlohmann_json-LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
    COMPONENT civitas_Runtime)

# The bundled data (frameworks, calendars, round schemes) and the schemas of the file formats; the
# library looks for them in <datadir>/civitas.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/data/"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/civitas"
    COMPONENT civitas_Runtime)
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
    DESTINATION "${CMAKE_INSTALL_DOCDIR}"
    COMPONENT civitas_Runtime)

configure_package_config_file(
    "${PROJECT_SOURCE_DIR}/cmake/civitas-config.cmake.in"
    "${PROJECT_BINARY_DIR}/civitas-config.cmake"
    INSTALL_DESTINATION "${CIVITAS_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
    "${PROJECT_BINARY_DIR}/civitas-config-version.cmake"
    VERSION "${PROJECT_VERSION}"
    COMPATIBILITY SameMajorVersion)
install(FILES
        "${PROJECT_BINARY_DIR}/civitas-config.cmake"
        "${PROJECT_BINARY_DIR}/civitas-config-version.cmake"
    DESTINATION "${CIVITAS_INSTALL_CMAKEDIR}"
    COMPONENT civitas_Development)
foreach(export_set IN ITEMS civitas-methods-targets civitas-targets)
    install(EXPORT ${export_set}
        NAMESPACE civitas::
        DESTINATION "${CIVITAS_INSTALL_CMAKEDIR}"
        COMPONENT civitas_Development)
endforeach()
