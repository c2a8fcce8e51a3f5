import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civitas.Campaign;
import org.civitas.Civitas;
import org.civitas.CivitasException;
import org.civitas.Evaluations;
import org.civitas.Framework;

/**
 * The Java binding (org.civitas) against the real library: reports, evaluations, every kind of
 * error with both languages' messages, UTF-8 paths and ids, closed handles, threads. Prints each
 * failed check and exits 1 when any failed. The first argument is the repository's root.
 */
public final class CivitasTest {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static Path repo;
    private static int checks;
    private static final List<String> failures = new ArrayList<>();

    /** A small framework: green met at 40, noise met at or below 55, plan yes/no. */
    private static final String SMALL = "{\"id\": \"small\", \"name\": \"Small\", \"reliability\": \"illustrative\","
            + " \"indicators\": [{\"id\": \"green\", \"pass\": 40, \"bounds\": [0, 100]},"
            + " {\"id\": \"noise\", \"direction\": \"lower\", \"pass\": 55},"
            + " {\"id\": \"plan\", \"direction\": \"yes_no\"}]}";

    public static void main(String[] args) throws Exception {
        repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        run("version", CivitasTest::version);
        run("report", CivitasTest::report);
        run("evaluateManyAgreesWithEvaluateJson", CivitasTest::evaluateManyAgreesWithEvaluateJson);
        run("evaluateManyErrors", CivitasTest::evaluateManyErrors);
        run("parse", CivitasTest::parse);
        run("loadErrors", CivitasTest::loadErrors);
        run("utf8PathsAndIds", CivitasTest::utf8PathsAndIds);
        run("closedHandles", CivitasTest::closedHandles);
        run("threadsShareHandles", CivitasTest::threadsShareHandles);
        run("closeWhileInUse", CivitasTest::closeWhileInUse);
        if (!failures.isEmpty()) {
            failures.forEach(f -> OUT.println("FAILED " + f));
            OUT.println(failures.size() + " of " + checks + " checks failed");
            System.exit(1);
        }
        OUT.println("every one of " + checks + " checks of the Java binding held");
    }

    interface Body {
        void run() throws Exception;
    }

    private static void run(String name, Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            ++checks;
            failures.add(name + ": unexpected " + t);
            t.printStackTrace(OUT);
        }
    }

    private static void check(boolean condition, String what) {
        ++checks;
        if (!condition) {
            StackTraceElement at = new Throwable().getStackTrace()[1];
            failures.add(at.getMethodName() + ":" + at.getLineNumber() + ": " + what);
        }
    }

    /** Runs `body`, checks it throws a CivitasException of `code`, and returns it (null when it did not). */
    private static CivitasException expectError(CivitasException.Code code, Body body) {
        try {
            body.run();
        } catch (CivitasException e) {
            check(e.code() == code, "expected " + code + ", got " + e.code() + ": " + e.getMessage());
            check(e.status() == code.value(), "status " + e.status() + " is " + code);
            check(hasChinese(e.messageZh()) && !e.messageEn().equals(e.messageZh()),
                    "a Chinese message of its own: " + e.messageZh());
            check(e.getMessage().contains(e.messageEn()) && e.getMessage().contains(e.messageZh()),
                    "getMessage holds both languages: " + e.getMessage());
            return e;
        } catch (Exception e) {
            check(false, "expected a CivitasException " + code + ", got " + e);
            return null;
        }
        check(false, "expected a CivitasException " + code + ", nothing was thrown");
        return null;
    }

    private static void expectMessages(CivitasException e, String english, String chinese) {
        if (e == null) {
            return;
        }
        check(e.messageEn().contains(english), "the English message holds \"" + english + "\": " + e.messageEn());
        check(e.messageZh().contains(chinese), "the Chinese message holds \"" + chinese + "\": " + e.messageZh());
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
    }

    /** The number after "key": in an evaluation's JSON. */
    private static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+|null)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no \"" + key + "\" in " + json.substring(0, Math.min(300, json.length())));
        }
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    private static void version() {
        String[] parts = Civitas.versionString().split("\\.");
        check(parts.length == 3, "version string major.minor.patch: " + Civitas.versionString());
        check(Civitas.version() == Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1]) * 100
                + Integer.parseInt(parts[2]), "version " + Civitas.version() + " is the string's");
        Civitas.releaseMemory(); // frees nothing yet, and can be called any time
    }

    private static void report() {
        try (Campaign campaign = Campaign.load(repo.resolve("examples/lanzhou/campaign.json"))) {
            String zh = campaign.report(AS_OF, "text", "zh");
            check(zh.contains("兰州") && zh.contains("2025年12月31日"), "the Chinese report names 兰州 and its date");
            String en = campaign.report(AS_OF, "text", "en");
            check(en.contains("campaign report") && en.contains("31 Dec 2025"), "the English report");
            check(campaign.report(AS_OF, "json", "en").contains("\"civitas-report/1\""), "the JSON report");
            check(campaign.report(AS_OF, "html", "zh").startsWith("<!DOCTYPE html>"), "the HTML report");
            check(campaign.report(AS_OF, null, null).equals(zh), "defaults: text in the campaign's language");
            expectMessages(expectError(CivitasException.Code.ARGUMENT, () -> campaign.report(AS_OF, "pdf", "zh")),
                    "\"pdf\"", "\"markdown\"");
            expectMessages(expectError(CivitasException.Code.ARGUMENT, () -> campaign.report(AS_OF, "text", "fr")),
                    "\"fr\"", "\"zh\"");
            expectError(CivitasException.Code.ARGUMENT, () -> campaign.report(LocalDate.of(10000, 1, 1), "text", "zh"));

            // The readiness as JSON: red / amber / green per unit, the reasons in both languages.
            String readiness = campaign.readinessJson(AS_OF);
            check(readiness.contains("\"format\": \"civitas-readiness/1\"")
                    && readiness.contains("\"as_of\": \"2025-12-31\""), "the readiness JSON's format and date");
            check(readiness.contains("\"rag\": \"red\"") && readiness.contains("\"reason_zh\"")
                    && hasChinese(readiness), "the readiness's colours and reasons in Chinese");
            expectMessages(expectError(CivitasException.Code.ARGUMENT,
                    () -> campaign.readinessJson(LocalDate.of(10000, 1, 1))), "+10000-01-01", "YYYY-MM-DD");
        }
    }

    /** The example data: a header of indicator ids, then one unit a row; empty cells are missing. */
    private static List<String[]> csv() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(repo.resolve("examples/scoring/lanzhou-garden-city.csv"))) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static void evaluateManyAgreesWithEvaluateJson() throws IOException {
        List<String[]> rows = csv();
        String[] ids = Arrays.copyOfRange(rows.get(0), 1, rows.get(0).length);
        int units = rows.size() - 1;
        double[][] matrix = new double[units][ids.length];
        for (int i = 0; i < units; ++i) {
            for (int j = 0; j < ids.length; ++j) {
                String cell = rows.get(i + 1)[j + 1];
                matrix[i][j] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
        }
        try (Framework framework = Framework.load("lanzhou-illustrative")) {
            check(framework.id().equals("lanzhou-illustrative"), "the bundled framework's id");
            check(framework.indicatorIds().equals(List.of(ids)), "its indicators are the data's columns, in order");
            Evaluations many = framework.evaluateMany(matrix, ids, new String[units]);
            check(many.units() == units && many.problem().isEmpty(), "every unit evaluated");
            for (int i = 0; i < units; ++i) {
                StringBuilder json = new StringBuilder("{\"unit\": \"" + rows.get(i + 1)[0] + "\"");
                for (int j = 0; j < ids.length; ++j) {
                    json.append(", \"").append(ids[j]).append("\": ")
                            .append(Double.isNaN(matrix[i][j]) ? "null" : rows.get(i + 1)[j + 1]);
                }
                String one = framework.evaluateJson(json.append('}').toString());
                check(one.contains("\"unit\": \"" + rows.get(i + 1)[0] + "\""), "the unit's Chinese name comes back");
                check(Double.compare(many.totals()[i], jsonNumber(one, "total")) == 0,
                        "unit " + i + ": total " + many.totals()[i] + " == " + jsonNumber(one, "total"));
                check(many.met()[i] == (int) jsonNumber(one, "met"), "unit " + i + ": met");
                check(many.passed()[i] == one.contains("\"passed\": true"), "unit " + i + ": passed");
            }
            // The city: 68 of 75 met, as the source document says; the row-major form agrees.
            check(many.met()[0] == 68, "the city meets 68 indicators: " + many.met()[0]);
            double[] rowMajor = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
            Evaluations flat = framework.evaluateMany(rowMajor, ids, null);
            check(Arrays.equals(flat.totals(), many.totals()) && Arrays.equals(flat.met(), many.met()),
                    "row-major and rows agree");
            check(framework.evaluateMany(new double[0], ids, null).units() == 0, "no units is no work");
        }
    }

    private static void evaluateManyErrors() {
        try (Framework framework = Framework.parse(SMALL)) {
            String[] ids = {"plan", "green", "noise"};
            // Row 1 has a yes/no value of 2: the other units are still evaluated.
            Evaluations partial = framework.evaluateMany(new double[][] {{1, 41.5, 60}, {2, 50, 50}, {1, 100, 20}},
                    ids, null);
            check(partial.problem().isPresent(), "invalid data reported");
            partial.problem().ifPresent(e -> {
                check(e.code() == CivitasException.Code.INVALID_UNITS, "invalid data is INVALID_UNITS");
                expectMessages(e, "row 1", "第 1 行");
            });
            check(partial.met()[0] == 2 && partial.met()[2] == 3, "the valid units evaluated");
            check(Double.isNaN(partial.totals()[1]) && !partial.passed()[1] && partial.met()[1] == -1
                    && !partial.valid(1) && partial.valid(0),
                    "the invalid unit reads NaN, not passed, -1 met: not valid");
            check(partial.totals()[2] == 100.0 && partial.passed()[2], "the unit meeting everything");

            double[][] one = {{1, 41.5, 60}};
            expectMessages(expectError(CivitasException.Code.NOT_FOUND,
                    () -> framework.evaluateMany(one, new String[] {"plan", "greeen", "noise"}, null)),
                    "greeen", "greeen");
            expectMessages(expectError(CivitasException.Code.VALIDATION,
                    () -> framework.evaluateMany(one, new String[] {"plan", "green", "green"}, null)),
                    "green", "green");
            expectMessages(expectError(CivitasException.Code.ARGUMENT,
                    () -> framework.evaluateMany(one, new String[] {"plan", null, "noise"}, null)),
                    "indicator_ids[1]", "indicator_ids[1]");
            expectMessages(expectError(CivitasException.Code.NOT_FOUND,
                    () -> framework.evaluateJson("{\"greeen\": 41.5}")), "greeen", "greeen");
            expectError(CivitasException.Code.PARSE, () -> framework.evaluateJson("{\"green\": "));
            try {
                framework.evaluateMany(new double[][] {{1, 2}}, ids, null);
                check(false, "a short row is refused");
            } catch (IllegalArgumentException e) {
                check(e.getMessage().contains("row 0"), "a short row is named: " + e.getMessage());
            }
        }
    }

    private static void parse() {
        try (Framework framework = Framework.parse(SMALL)) {
            check(framework.id().equals("small"), "parsed id");
            check(framework.indicatorIds().equals(List.of("green", "noise", "plan")), "parsed indicators");
            String result =
                    framework.evaluateJson("{\"unit\": \"兰州\", \"green\": 41.5, \"noise\": 60, \"plan\": true}");
            check(jsonNumber(result, "met") == 2 && Math.abs(jsonNumber(result, "total") - 200.0 / 3) < 1e-9,
                    "2 of 3 met, two thirds of the total: " + result);
        }
        expectMessages(expectError(CivitasException.Code.PARSE, () -> Framework.parse(SMALL.substring(0, 20))),
                "<string>: line 1, column", "<string>");
        expectError(CivitasException.Code.PARSE, () -> Framework.parse(""));
        // A full-width comma, as a Chinese keyboard types it, is named as such.
        expectMessages(
                expectError(CivitasException.Code.PARSE, () -> Framework.parse("{\"id\": \"x\"， \"name\": \"x\"}")),
                "line 1", "，");
    }

    private static void loadErrors() throws IOException {
        CivitasException unknown =
                expectError(CivitasException.Code.NOT_FOUND, () -> Framework.load("no-such-framework"));
        expectMessages(unknown, "lanzhou-illustrative", "no-such-framework");
        Path dir = Files.createTempDirectory("civitas-java");
        try {
            Path broken = dir.resolve("broken.json");
            Files.writeString(broken, "{\n  \"id\": \"broken\",,\n}\n");
            expectMessages(expectError(CivitasException.Code.PARSE, () -> Framework.load(broken)),
                    "broken.json: line 2", "broken.json: 第 2 行");
            expectMessages(expectError(CivitasException.Code.PARSE, () -> Campaign.load(broken)),
                    "broken.json", "第 2 行");
            expectMessages(expectError(CivitasException.Code.PARSE, () -> Framework.load(dir.resolve("absent.json"))),
                    "absent.json", "absent.json");
            expectMessages(expectError(CivitasException.Code.PARSE,
                    () -> Framework.load(repo.resolve("tests/c/data/negative-weight.json"))),
                    "$.indicators[1].weight", "$.indicators[1].weight");
        } finally {
            deleteTree(dir);
        }
    }

    private static void utf8PathsAndIds() throws IOException {
        Path dir = Files.createTempDirectory("civitas-java");
        try {
            // The binding hands paths to the library as UTF-8 whatever the JVM's charset: a path
            // given as text reaches it whole (the message quotes it back).
            String missing = dir + "/兰州测评体系/缺失.json";
            expectMessages(expectError(CivitasException.Code.PARSE, () -> Framework.load(missing)), missing, missing);
            // A file under a Chinese path: the JVM itself writes file names in its locale's charset.
            if (StandardCharsets.UTF_8.name().equals(System.getProperty("sun.jnu.encoding"))) {
                Path file = Files.createDirectory(dir.resolve("兰州测评体系")).resolve("园林城市.json");
                Files.copy(repo.resolve("data/frameworks/lanzhou-illustrative.json"), file);
                try (Framework framework = Framework.load(file)) {
                    check(framework.id().equals("lanzhou-illustrative"), "a framework under a Chinese path loads");
                    check(framework.toString().equals("Framework[lanzhou-illustrative, 75 indicators]"),
                            framework.toString());
                }
            } else {
                OUT.println("note: the JVM's file names are " + System.getProperty("sun.jnu.encoding")
                        + ", not UTF-8 (set LC_ALL=C.UTF-8): no file is written under a Chinese path");
            }
            try (Framework framework = Framework.parse(SMALL)) {
                expectMessages(expectError(CivitasException.Code.NOT_FOUND,
                        () -> framework.evaluateMany(new double[] {40}, new String[] {"绿化覆盖率"}, null)),
                        "绿化覆盖率", "绿化覆盖率");
                expectMessages(expectError(CivitasException.Code.NOT_FOUND,
                        () -> framework.evaluateJson("{\"绿化覆盖率\": 40}")), "绿化覆盖率", "绿化覆盖率");
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void closedHandles() {
        Framework framework = Framework.parse(SMALL);
        framework.close();
        framework.close(); // a second close does nothing
        check(framework.id().equals("small"), "a closed framework still knows its id");
        expectClosed(() -> framework.evaluateJson("{}"), "framework");
        expectClosed(() -> framework.evaluateMany(new double[] {1}, new String[] {"plan"}, null), "framework");
        Campaign campaign = Campaign.load(repo.resolve("examples/lanzhou/campaign.json"));
        campaign.close();
        campaign.close();
        expectClosed(() -> campaign.report(AS_OF, "text", "zh"), "campaign");
        expectClosed(() -> campaign.readinessJson(AS_OF), "campaign");
        try {
            Framework.load((String) null);
            check(false, "a null path is refused");
        } catch (NullPointerException e) {
            check(e.getMessage().contains("pathOrBundledId"), "a null path is named: " + e.getMessage());
        }
    }

    private static void expectClosed(Body body, String kind) {
        try {
            body.run();
            check(false, "a closed " + kind + " used again throws");
        } catch (IllegalStateException e) {
            check(e.getMessage().contains(kind + " is closed"), "the closed " + kind + " says so: " + e.getMessage());
        } catch (Exception e) {
            check(false, "a closed " + kind + " throws IllegalStateException, not " + e);
        }
    }

    private static void threadsShareHandles() throws Exception {
        String values = "{\"green\": 41.5, \"noise\": 60, \"plan\": true}";
        double[][] rows = {{1, 41.5, 60}, {0, 30, Double.NaN}, {1, 100, 20}};
        String[] ids = {"plan", "green", "noise"};
        try (Framework framework = Framework.parse(SMALL);
                Campaign campaign = Campaign.load(repo.resolve("examples/lanzhou/campaign.json"))) {
            String evaluation = framework.evaluateJson(values);
            String report = campaign.report(AS_OF, "json", "zh");
            String readiness = campaign.readinessJson(AS_OF);
            double[] totals = framework.evaluateMany(rows, ids, null).totals();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 6; ++t) {
                    results.add(pool.submit(() -> {
                        boolean same = true;
                        for (int round = 0; round < 3; ++round) {
                            same &= framework.evaluateJson(values).equals(evaluation);
                            same &= campaign.report(AS_OF, "json", "zh").equals(report);
                            same &= campaign.readinessJson(AS_OF).equals(readiness);
                            same &= Arrays.equals(framework.evaluateMany(rows, ids, null).totals(), totals);
                        }
                        return same;
                    }));
                }
                for (Future<Boolean> result : results) {
                    check(result.get(), "a thread's results equal the one-thread results");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Closing a framework other threads are using: each call either completes or throws IllegalStateException. */
    private static void closeWhileInUse() throws Exception {
        Framework framework = Framework.parse(SMALL);
        String expected = framework.evaluateJson("{\"green\": 50}");
        AtomicBoolean wrong = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; ++t) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2000; ++i) {
                    try {
                        if (!framework.evaluateJson("{\"green\": 50}").equals(expected)) {
                            wrong.set(true);
                        }
                    } catch (IllegalStateException closed) {
                        return;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(5);
        framework.close();
        for (Thread thread : threads) {
            thread.join();
        }
        check(!wrong.get(), "every call before the close gave the right result");
        expectClosed(() -> framework.evaluateJson("{}"), "framework");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
