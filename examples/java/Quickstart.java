import java.time.LocalDate;
import org.civitas.Campaign;
import org.civitas.CivitasException;
import org.civitas.Evaluations;
import org.civitas.Framework;

/** civitas from Java in a few lines; run from the repository's root. */
public final class Quickstart {
    public static void main(String[] args) {
        try (Campaign campaign = Campaign.load("examples/lanzhou/campaign.json")) {
            String report = campaign.report(LocalDate.of(2025, 12, 31), "text", "zh"); // or "html", "json"; "en"
            System.out.println(report.lines().findFirst().orElseThrow()); // 兰州市“五城联创”（示例）创建工作报告
        }
        try (Framework framework = Framework.load("lanzhou-illustrative")) { // a bundled id or a file
            String json = framework.evaluateJson("{\"unit\": \"兰州市\", \"built_up_green_coverage\": 31.44}");
            Evaluations many = framework.evaluateMany(new double[][] {{31.44, 28.63}, {36.2, Double.NaN}},
                    new String[] {"built_up_green_coverage", "built_up_green_space_ratio"}, null); // NaN: missing
            System.out.printf("%d characters of JSON; totals %.2f and %.2f%n", json.length(), many.totals()[0],
                    many.totals()[1]);
            framework.evaluateJson("{\"green_coverage\": 40}"); // not an indicator of this framework
        } catch (CivitasException e) {
            System.out.println(e.code() + "\n" + e.messageEn() + "\n" + e.messageZh()); // NOT_FOUND, both languages
        }
    }
}
