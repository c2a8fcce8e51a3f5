/* A host that opens libcivitas_c by a relative path (as ctypes and JNA may) still finds the bundled
   data beside the library: the library knows where it is from its link map, not from the name it
   was opened by. Run from the library's folder with that relative path as its argument. */
#define _POSIX_C_SOURCE 200809L

#include <civitas/civitas.h>

#include <dlfcn.h>
#include <stdio.h>

typedef int (*load_function)(const char*, civitas_framework**, civitas_error**);
typedef void (*free_function)(civitas_framework*);

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ./libcivitas_c.so.N\n", argv[0]);
        return 2;
    }
    void* library = dlopen(argv[1], RTLD_NOW);
    if (library == NULL) {
        fprintf(stderr, "dlopen %s: %s\n", argv[1], dlerror());
        return 1;
    }
    /* Through a union: ISO C has no cast from an object pointer to a function pointer. */
    union { void* symbol; load_function function; } load = {dlsym(library, "civitas_framework_load")};
    union { void* symbol; free_function function; } release = {dlsym(library, "civitas_framework_free")};
    if (load.symbol == NULL || release.symbol == NULL) {
        fprintf(stderr, "dlsym: %s\n", dlerror());
        return 1;
    }
    civitas_framework* framework = NULL;
    const int status = load.function("lanzhou-illustrative", &framework, NULL);
    release.function(framework);
    dlclose(library);
    if (status != CIVITAS_OK) {
        fprintf(stderr, "opened as %s, the library found no bundled framework (status %d)\n", argv[1], status);
        return 1;
    }
    printf("opened as %s, the library found its bundled data\n", argv[1]);
    return 0;
}
