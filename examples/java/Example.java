import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.civitas.Campaign;
import org.civitas.CivitasException;
import org.civitas.Evaluations;
import org.civitas.Framework;

/**
 * civitas from Java through its C API: the Lanzhou campaign's report in Chinese, the bundled
 * framework lanzhou-illustrative evaluated for the city (from JSON and from a matrix), and a bad
 * file turned into an exception with both languages' messages. Run from the repository's root, or
 * give its path as the first argument.
 */
public final class Example {
    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8); // Chinese on any locale

        // The campaign's report in Chinese as of 31 December 2025: its first lines.
        try (Campaign campaign = Campaign.load(repo.resolve("examples/lanzhou/campaign.json"))) {
            String report = campaign.report(LocalDate.of(2025, 12, 31), "text", "zh");
            report.lines().limit(8).forEach(out::println);
        }

        // The city's row of the example data (unit, then one column per indicator id).
        List<String> csv = Files.readAllLines(repo.resolve("examples/scoring/lanzhou-garden-city.csv"));
        String[] ids = Arrays.copyOfRange(csv.get(0).split(","), 1, csv.get(0).split(",").length);
        String[] city = csv.get(1).split(",", -1);

        try (Framework framework = Framework.load("lanzhou-illustrative")) {
            out.println();
            out.println(framework + ", unit " + city[0]);
            // One unit as JSON: id to number, an empty cell as null (missing).
            StringBuilder json = new StringBuilder("{\"unit\": \"" + city[0] + "\"");
            for (int j = 0; j < ids.length; ++j) {
                json.append(", \"").append(ids[j]).append("\": ").append(city[j + 1].isEmpty() ? "null" : city[j + 1]);
            }
            String evaluation = framework.evaluateJson(json.append('}').toString());
            out.println("evaluateJson: " + evaluation.substring(0, Math.min(evaluation.length(), 160)) + " ...");

            // The same unit as a matrix row: NaN is missing.
            double[] row = new double[ids.length];
            for (int j = 0; j < ids.length; ++j) {
                row[j] = city[j + 1].isEmpty() ? Double.NaN : Double.parseDouble(city[j + 1]);
            }
            Evaluations results = framework.evaluateMany(new double[][] {row}, ids, null);
            out.printf("evaluateMany: total %.2f, %d of %d indicators met, passed %b%n", results.totals()[0],
                    results.met()[0], ids.length, results.passed()[0]);
        }

        // A bad file: the exception carries its code and both languages' messages.
        Path bad = Files.createTempFile("civitas-example", ".json");
        try {
            Files.writeString(bad, "{\n  \"id\": \"broken\",,\n}\n");
            Framework.load(bad).close();
        } catch (CivitasException e) {
            out.println();
            out.println(e.code() + ":");
            out.println("  en: " + e.messageEn());
            out.println("  zh: " + e.messageZh());
        } finally {
            Files.delete(bad);
        }
    }
}
