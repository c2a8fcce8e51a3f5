package org.civitas;

import static org.civitas.CivitasLibrary.C;

import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A campaign (titles, plan, observations, targets): its report and its readiness. Read-only once
 * loaded and shareable between threads. Close it when done; a closed campaign throws
 * {@link IllegalStateException} when used.
 */
public final class Campaign implements AutoCloseable {
    private final NativeHandle handle;

    private Campaign(PointerByReference out) {
        handle = new NativeHandle("campaign", out.getValue(), C::civitas_campaign_free);
    }

    /**
     * Loads a campaign file with the plan, observation and inspection files it names (which must
     * lie in its folder or below).
     *
     * @throws CivitasException PARSE naming the file for one that cannot be read or is malformed
     */
    public static Campaign load(String path) {
        Objects.requireNonNull(path, "path");
        PointerByReference out = new PointerByReference();
        PointerByReference err = new PointerByReference();
        CivitasException.check(C.civitas_campaign_load(path, out, err), err);
        return new Campaign(out);
    }

    /** Loads a campaign file. */
    public static Campaign load(Path path) {
        return load(path.toString());
    }

    /**
     * The campaign's report on {@code asOf} as {@code format} ("text", "markdown", "html" or
     * "json"; null: "text") in {@code lang} ("zh" or "en"; null: the campaign's language).
     *
     * @throws CivitasException ARGUMENT for an unknown format or language
     */
    public String report(LocalDate asOf, String format, String lang) {
        String date = Objects.requireNonNull(asOf, "asOf").toString(); // YYYY-MM-DD for years 0000..9999
        return handle.use(pointer -> {
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            CivitasException.check(C.civitas_report_render(pointer, date, format, lang, out, null, err), err);
            return Strings.take(out.getValue());
        });
    }

    /**
     * The campaign's readiness on {@code asOf} as JSON (docs/format.md, "Readiness as JSON",
     * {@code "civitas-readiness/1"}): each title's red / amber / green per unit with the reasons
     * in both languages, its evaluations now and projected to the inspection, targets and surveys.
     */
    public String readinessJson(LocalDate asOf) {
        String date = Objects.requireNonNull(asOf, "asOf").toString();
        return handle.use(pointer -> {
            PointerByReference out = new PointerByReference();
            PointerByReference err = new PointerByReference();
            CivitasException.check(C.civitas_readiness_json(pointer, date, out, err), err);
            return Strings.take(out.getValue());
        });
    }

    /** Frees the campaign; later calls of this method do nothing. */
    @Override
    public void close() {
        handle.close();
    }
}
