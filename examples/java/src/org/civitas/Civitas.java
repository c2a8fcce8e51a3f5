package org.civitas;

import static org.civitas.CivitasLibrary.C;

/** The civitas library as a whole. */
public final class Civitas {
    private Civitas() {
    }

    /** The library's version as major * 10000 + minor * 100 + patch (0.1.0 is 100). */
    public static int version() {
        return C.civitas_version();
    }

    /** The library's version as "major.minor.patch". */
    public static String versionString() {
        return C.civitas_version_string();
    }

    /** Frees the memory finished batches keep for the next batch of the same shape (at most 64 MiB). */
    public static void releaseMemory() {
        C.civitas_release_memory();
    }
}
