package org.civitas;

import static org.civitas.CivitasLibrary.C;

import com.sun.jna.Pointer;

/** Strings the library hands over through a {@code char**}. */
final class Strings {
    private Strings() {
    }

    /** The UTF-8 text at {@code pointer}, which is then freed with civitas_free. */
    static String take(Pointer pointer) {
        try {
            return pointer.getString(0, "UTF-8");
        } finally {
            C.civitas_free(pointer);
        }
    }
}
