# Runs the civitas program and checks its exit status and output.
# -DPROGRAM=... -DARGS="a;b" -DEXPECT_EXIT=N [-DEXPECT_OUT=regex] [-DEXPECT_ERR=regex] [-DENV_DATA=dir]
# [-DSTDOUT=file]: the standard output goes to that file (/dev/full) instead of being checked.
if(DEFINED ENV_DATA)
    set(ENV{CIVITAS_DATA_DIR} "${ENV_DATA}")
endif()
# Messages in English unless a test asks for a locale (-DLOCALE=zh_CN.UTF-8).
if(DEFINED LOCALE)
    set(ENV{LC_ALL} "${LOCALE}")
else()
    set(ENV{LC_ALL} "C")
endif()
string(REPLACE "|" ";" ARGS "${ARGS}")
if(DEFINED STDOUT)
    execute_process(COMMAND "${PROGRAM}" ${ARGS}
        RESULT_VARIABLE status OUTPUT_FILE "${STDOUT}" ERROR_VARIABLE err)
    set(out "")
else()
    execute_process(COMMAND "${PROGRAM}" ${ARGS}
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
endif()
if(NOT status STREQUAL EXPECT_EXIT)
    message(FATAL_ERROR "exit ${status}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_OUT AND NOT out MATCHES "${EXPECT_OUT}")
    message(FATAL_ERROR "stdout does not match '${EXPECT_OUT}':\n${out}")
endif()
if(DEFINED EXPECT_ERR AND NOT err MATCHES "${EXPECT_ERR}")
    message(FATAL_ERROR "stderr does not match '${EXPECT_ERR}':\n${err}")
endif()
