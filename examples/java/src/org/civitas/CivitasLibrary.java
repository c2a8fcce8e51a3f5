package org.civitas;

import com.sun.jna.DefaultTypeMapper;
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ToNativeContext;
import com.sun.jna.ToNativeConverter;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The C API of include/civitas/civitas.h as JNA sees it: one method per C function, same names
 * and arguments. Strings the library returns through {@code char**} come back as a
 * {@link Pointer} so that the caller can free them with {@link #civitas_free}; {@code const char*}
 * strings (owned by a handle or error) come back as {@link String}. Text crosses as UTF-8 whatever
 * the JVM's default charset is.
 */
interface CivitasLibrary extends Library {
    /** The loaded library (libcivitas_c, found on {@code jna.library.path} or the system's paths). */
    CivitasLibrary C = Native.load("civitas_c", CivitasLibrary.class,
            Map.of(Library.OPTION_STRING_ENCODING, "UTF-8", Library.OPTION_TYPE_MAPPER, Utf8.MAPPER));

    /**
     * String arguments as NUL-terminated UTF-8. OPTION_STRING_ENCODING alone is not enough: JNA
     * 5.13 (Debian 12's) decodes returned strings with it but encodes String arguments in the
     * JVM's default charset, which is ASCII under the C locale.
     */
    final class Utf8 implements ToNativeConverter {
        static final DefaultTypeMapper MAPPER = new DefaultTypeMapper();

        static {
            MAPPER.addToNativeConverter(String.class, new Utf8());
        }

        @Override
        public Object toNative(Object value, ToNativeContext context) {
            if (value == null) {
                return null;
            }
            byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
            Memory memory = new Memory(bytes.length + 1L); // lives as long as the call's arguments
            memory.write(0, bytes, 0, bytes.length);
            memory.setByte(bytes.length, (byte) 0);
            return memory;
        }

        @Override
        public Class<?> nativeType() {
            return Pointer.class;
        }
    }

    /** C's {@code size_t}, as wide as the platform's. */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    int civitas_version();

    String civitas_version_string();

    void civitas_free(Pointer memory);

    void civitas_release_memory();

    String civitas_error_message(Pointer error, String lang);

    int civitas_error_code(Pointer error);

    void civitas_error_free(Pointer error);

    int civitas_framework_load(String pathOrBundledId, PointerByReference out, PointerByReference err);

    int civitas_framework_parse(byte[] json, SizeT length, PointerByReference out, PointerByReference err);

    void civitas_framework_free(Pointer framework);

    String civitas_framework_id(Pointer framework);

    SizeT civitas_framework_indicator_count(Pointer framework);

    String civitas_framework_indicator_id(Pointer framework, SizeT index);

    int civitas_evaluate_json(Pointer framework, byte[] valuesJson, SizeT length, PointerByReference resultJson,
            PointerByReference err);

    int civitas_evaluate_many(Pointer framework, double[] values, SizeT units, SizeT indicators,
            StringArray indicatorIds, StringArray classes, double[] totals, int[] passed, int[] met,
            PointerByReference err);

    int civitas_campaign_load(String path, PointerByReference out, PointerByReference err);

    void civitas_campaign_free(Pointer campaign);

    int civitas_report_render(Pointer campaign, String asOf, String format, String lang, PointerByReference out,
            Pointer length, PointerByReference err);

    int civitas_readiness_json(Pointer campaign, String asOf, PointerByReference out, PointerByReference err);
}
