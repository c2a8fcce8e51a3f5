// Sharing one campaign, framework or plan between threads: every const operation may run on
// many threads at once and gives what it gives on one (docs/reliability.md). Run under
// ThreadSanitizer in CI (the tsan preset), where a data race fails the test.

#include <civitas/io/framework_io.hpp>
#include "support.hpp"

#include <atomic>
#include <functional>
#include <thread>

namespace civitas::test {
namespace {

const std::filesystem::path lanzhou = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou" / "campaign.json";

// Runs `work` on `threads` threads `rounds` times each and returns how many calls gave `expected`.
int agreeing(int threads, int rounds, const std::string& expected, const std::function<std::string()>& work) {
    std::atomic<int> same{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (int r = 0; r < rounds; ++r)
                if (work() == expected) ++same;
        });
    for (std::thread& thread : pool) thread.join();
    return same.load();
}

TEST(Threads, OneCampaignReportsTheSameOnEveryThread) {
    const Campaign campaign = load_campaign(lanzhou);
    const Date as_of = parse_date("2025-12-31", "as_of");
    const auto report = [&] { return render(build_report(campaign, as_of), ReportFormat::json); };
    const std::string expected = report();
    EXPECT_EQ(agreeing(4, 3, expected, report), 12);
}

TEST(Threads, OneFrameworkEvaluatesTheSameOnEveryThread) {
    const Campaign campaign = load_campaign(lanzhou);
    const Framework& framework = campaign.framework(campaign.spec().titles.at(0).id);
    const Readiness ready = readiness(campaign, parse_date("2025-12-31", "as_of"));
    const TitleReadiness& title = ready.titles.at(0);
    ASSERT_TRUE(title.now.has_value());
    const RowMatrix values = title.now->values;
    const auto evaluate = [&] {
        EvaluateOptions options;
        options.nan_as_missing = true;
        options.threads = 1;
        const BatchEvaluation batch = evaluate_many(framework, values, framework.indicator_ids(), title.units, {}, options);
        std::string out;
        for (std::size_t r = 0; r < batch.size(); ++r) out += evaluation_to_json(unit_evaluation(framework, batch, r));
        return out;
    };
    const std::string expected = evaluate();
    EXPECT_EQ(agreeing(4, 5, expected, evaluate), 20);
}

TEST(Threads, FilesAreReadOnManyThreadsAtOnce) {
    const auto load = [] { return campaign_to_json(load_campaign(lanzhou)); };
    const std::string expected = load();
    EXPECT_EQ(agreeing(4, 2, expected, load), 8);
}

}  // namespace
}  // namespace civitas::test
