package org.civitas;

import static org.civitas.CivitasLibrary.C;

import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A framework (an assessment standard: indicators, pass lines, weights), read-only once loaded and
 * shareable between threads. Close it when done; a closed framework throws
 * {@link IllegalStateException} when used.
 */
public final class Framework implements AutoCloseable {
    private final NativeHandle handle;
    private final String id;
    private final List<String> indicatorIds;

    private Framework(Pointer pointer) {
        handle = new NativeHandle("framework", pointer, C::civitas_framework_free);
        id = C.civitas_framework_id(pointer);
        int count = C.civitas_framework_indicator_count(pointer).intValue();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; ++i) {
            ids.add(C.civitas_framework_indicator_id(pointer, new CivitasLibrary.SizeT(i)));
        }
        indicatorIds = List.copyOf(ids);
    }

    /**
     * Loads a framework from a file, or a bundled one by id ("lanzhou-illustrative") when no file
     * of that name exists and the name has no folder and does not end in ".json".
     *
     * @throws CivitasException PARSE for a file that cannot be read or is malformed (naming the
     *     file and line or JSON path), NOT_FOUND for an unknown bundled id
     */
    public static Framework load(String pathOrBundledId) {
        Objects.requireNonNull(pathOrBundledId, "pathOrBundledId");
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        CivitasException.check(C.civitas_framework_load(pathOrBundledId, out, err), err);
        return new Framework(out.getValue());
    }

    /** Loads a framework file. */
    public static Framework load(Path path) {
        return load(path.toString());
    }

    /** Parses framework JSON text (docs/format.md); errors name "&lt;string&gt;" and the JSON path. */
    public static Framework parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        CivitasException.check(C.civitas_framework_parse(bytes, new CivitasLibrary.SizeT(bytes.length), out, err),
                err);
        return new Framework(out.getValue());
    }

    /** The framework's id. */
    public String id() {
        return id;
    }

    /** The indicators' ids in file order. */
    public List<String> indicatorIds() {
        return indicatorIds;
    }

    /**
     * Evaluates one unit given as a JSON object of indicator id to a number, true / false (yes/no
     * items) or null (missing), with optional "unit" and "class" strings. Returns the evaluation
     * as JSON (docs/format.md, "Evaluation as JSON").
     *
     * @throws CivitasException NOT_FOUND for an unknown indicator id, PARSE for malformed JSON,
     *     VALIDATION for a value the indicator does not accept
     */
    public String evaluateJson(String valuesJson) {
        byte[] bytes = valuesJson.getBytes(StandardCharsets.UTF_8);
        return handle.use(pointer -> {
            PointerByReference result = new PointerByReference();
            PointerByReference err = new PointerByReference();
            CivitasException.check(
                    C.civitas_evaluate_json(pointer, bytes, new CivitasLibrary.SizeT(bytes.length), result, err), err);
            return Strings.take(result.getValue());
        });
    }

    /**
     * Evaluates many units: {@code rows[i][j]} is unit i's value of indicator {@code indicatorIds[j]}
     * (any order; indicators left out are missing data; NaN is a missing value). {@code classes} is
     * null or one unit class per row (null for none).
     *
     * @throws CivitasException NOT_FOUND for an unknown id, VALIDATION for a repeated one; a unit
     *     with invalid data does not throw but is reported by {@link Evaluations#problem()}
     */
    public Evaluations evaluateMany(double[][] rows, String[] indicatorIds, String[] classes) {
        double[] rowMajor = new double[Math.multiplyExact(rows.length, indicatorIds.length)];
        for (int i = 0; i < rows.length; ++i) {
            if (rows[i].length != indicatorIds.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values; expected "
                        + indicatorIds.length + ", one per indicator id");
            }
            System.arraycopy(rows[i], 0, rowMajor, i * indicatorIds.length, indicatorIds.length);
        }
        return evaluate(rowMajor, rows.length, indicatorIds, classes);
    }

    /** Evaluates many units from a row-major matrix of {@code indicatorIds.length} columns. */
    public Evaluations evaluateMany(double[] rowMajor, String[] indicatorIds, String[] classes) {
        int columns = indicatorIds.length;
        if (columns == 0 ? rowMajor.length != 0 : rowMajor.length % columns != 0) {
            throw new IllegalArgumentException(rowMajor.length + " values do not fill rows of " + columns
                    + " columns, one per indicator id");
        }
        // With no columns the matrix cannot say how many units there are: as many as classes, if given.
        int units = columns != 0 ? rowMajor.length / columns : classes != null ? classes.length : 0;
        return evaluate(rowMajor, units, indicatorIds, classes);
    }

    private Evaluations evaluate(double[] rowMajor, int units, String[] indicatorIds, String[] classes) {
        if (classes != null && classes.length != units) {
            throw new IllegalArgumentException(classes.length + " classes for " + units + " units");
        }
        double[] totals = new double[units];
        int[] passed = new int[units];
        int[] met = new int[units];
        return handle.use(pointer -> {
            PointerByReference err = new PointerByReference();
            int status = C.civitas_evaluate_many(pointer, rowMajor, new CivitasLibrary.SizeT(units),
                    new CivitasLibrary.SizeT(indicatorIds.length), new StringArray(indicatorIds, "UTF-8"),
                    classes == null ? null : new StringArray(classes, "UTF-8"), totals, passed, met, err);
            Optional<CivitasException> problem = Optional.empty();
            if (status != 0) {
                CivitasException error = CivitasException.take(status, err.getValue());
                if (error.code() != CivitasException.Code.INVALID_UNITS) {
                    throw error;
                }
                problem = Optional.of(error); // some units' data is invalid (met -1); the others are evaluated
            }
            boolean[] passedFlags = new boolean[units];
            for (int i = 0; i < units; ++i) {
                passedFlags[i] = passed[i] != 0;
            }
            return new Evaluations(totals, passedFlags, met, problem);
        });
    }

    /** Frees the framework; later calls of this method do nothing. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "Framework[" + id + ", " + indicatorIds.size() + " indicators]";
    }
}
