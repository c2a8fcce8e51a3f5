package org.civitas;

import static org.civitas.CivitasLibrary.C;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * An error of civitas: its code (the {@code CIVITAS_E_} values of civitas.h) and its message in
 * English and in Chinese, each naming the file, line or JSON path, the value and what was expected.
 * {@link #getMessage()} holds both, English first.
 */
public final class CivitasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong: the {@code CIVITAS_E_} codes of civitas.h. */
    public enum Code {
        /** A null argument, an unknown format or language, a date out of range. */
        ARGUMENT(1),
        /** A file that cannot be opened, or text that is not what its format says. */
        PARSE(2),
        /** A value that breaks a rule of the model. */
        VALIDATION(3),
        /** An id that does not exist (indicator, bundled framework). */
        NOT_FOUND(4),
        /** The system refused to write a file. */
        IO(5),
        /** Input past a reader's limits (size, nesting, rows, string length). */
        LIMIT(6),
        /** Out of memory. */
        MEMORY(7),
        /** A fault of civitas itself. */
        INTERNAL(8),
        /** Some units of a batch have invalid data; the others were evaluated. */
        INVALID_UNITS(9),
        /** A code newer than this binding; {@link CivitasException#status()} has its value. */
        UNKNOWN(-1);

        private final int value;

        Code(int value) {
            this.value = value;
        }

        /** The C value ({@code CIVITAS_E_PARSE} is 2); -1 for {@link #UNKNOWN}. */
        public int value() {
            return value;
        }

        /** The code of a C status value; {@link #UNKNOWN} for a value this binding does not know. */
        public static Code of(int value) {
            for (Code code : values()) {
                if (code.value == value) {
                    return code;
                }
            }
            return UNKNOWN;
        }
    }

    private final int status;
    private final String messageEn;
    private final String messageZh;

    private CivitasException(int status, String messageEn, String messageZh) {
        super(messageEn + System.lineSeparator() + messageZh);
        this.status = status;
        this.messageEn = messageEn;
        this.messageZh = messageZh;
    }

    /** The kind of error. */
    public Code code() {
        return Code.of(status);
    }

    /** The C status value, as civitas.h defines it. */
    public int status() {
        return status;
    }

    /** The message in English. */
    public String messageEn() {
        return messageEn;
    }

    /** The message in Chinese. */
    public String messageZh() {
        return messageZh;
    }

    /** The exception for a failed call's status and error, which it frees. */
    static CivitasException take(int status, Pointer error) {
        if (error == null) { // cannot happen when the call was given an err argument; kept readable anyway
            return new CivitasException(status, "civitas failed with status " + status,
                    "civitas 出错，状态码 " + status);
        }
        try {
            return new CivitasException(C.civitas_error_code(error), C.civitas_error_message(error, "en"),
                    C.civitas_error_message(error, "zh"));
        } finally {
            C.civitas_error_free(error);
        }
    }

    /** Throws the error of a call that returned a nonzero status. */
    static void check(int status, PointerByReference error) {
        if (status != 0) {
            throw take(status, error.getValue());
        }
    }
}
