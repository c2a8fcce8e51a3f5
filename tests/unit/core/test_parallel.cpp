// Work on several threads (src/core/detail/parallel.hpp): every job runs once whatever the
// threads, a thread the system cannot start leaves its jobs to the others instead of ending the
// program, and the error reported is that of the lowest job whatever ran where.
#include "core/detail/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

using civitas::detail::run_parallel;
using civitas::detail::thread_count;

namespace {

// Starts threads as std::thread does until `allowed` have started, then fails as the system
// does when it has no more (EAGAIN).
struct FailingStarts {
    std::size_t allowed;
    std::size_t started = 0;
    template <class Worker>
    std::thread operator()(Worker&& worker, std::size_t w) {
        if (started == allowed) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
        ++started;
        return std::thread(std::forward<Worker>(worker), w);
    }
};

std::vector<int> run_counting(std::size_t jobs, std::size_t threads, std::size_t& workers) {
    std::vector<std::atomic<int>> runs(jobs);
    workers = run_parallel(jobs, threads, [&](std::size_t i, std::size_t) { runs[i].fetch_add(1); });
    return {runs.begin(), runs.end()};
}

}  // namespace

TEST(Parallel, EveryJobRunsOnceWhateverTheThreads) {
    for (const std::size_t jobs : {0u, 1u, 2u, 7u, 100u}) {
        for (const std::size_t threads : {1u, 2u, 3u, 8u}) {
            std::size_t workers = 0;
            const std::vector<int> runs = run_counting(jobs, threads, workers);
            EXPECT_EQ(runs, std::vector<int>(jobs, 1)) << jobs << " jobs, " << threads << " threads";
            EXPECT_EQ(workers, std::max<std::size_t>(1, std::min(jobs, threads)));
        }
    }
}

TEST(Parallel, AThreadThatCannotStartLeavesItsJobsToTheOthers) {
    for (const std::size_t allowed : {0u, 1u, 2u}) {
        std::vector<std::atomic<int>> runs(50);
        std::vector<std::atomic<int>> by_worker(8);
        const std::size_t workers = civitas::detail::run_parallel_with(
            runs.size(), 8,
            [&](std::size_t i, std::size_t w) {
                runs[i].fetch_add(1);
                by_worker[w].fetch_add(1);
            },
            FailingStarts{allowed});
        EXPECT_EQ(workers, allowed + 1);
        for (const auto& run : runs) EXPECT_EQ(run.load(), 1);
        for (std::size_t w = workers; w < by_worker.size(); ++w) EXPECT_EQ(by_worker[w].load(), 0);
    }
}

TEST(Parallel, TheErrorOfTheLowestFailingJobIsTheOne) {
    for (const std::size_t threads : {1u, 2u, 4u}) {
        std::vector<std::atomic<int>> runs(40);
        try {
            (void)run_parallel(runs.size(), threads, [&](std::size_t i, std::size_t) {
                runs[i].fetch_add(1);
                if (i == 9 || i == 23) throw std::runtime_error("job " + std::to_string(i));
            });
            ADD_FAILURE() << "expected an error";
        } catch (const std::runtime_error& e) {
            EXPECT_STREQ(e.what(), "job 9") << threads << " threads";
        }
        for (std::size_t i = 0; i <= 9; ++i) EXPECT_EQ(runs[i].load(), 1) << "job " << i << " before the error ran";
    }
}

TEST(Parallel, ThreadCountHonoursTheRequestUpToTheJobs) {
    EXPECT_EQ(thread_count(7, 100), 7u);
    EXPECT_EQ(thread_count(7, 3), 3u);
    EXPECT_EQ(thread_count(1, 100), 1u);
    EXPECT_EQ(thread_count(5, 0), 1u);
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    EXPECT_EQ(thread_count(0, 1000), std::min<std::size_t>(cores, 1000));
    EXPECT_EQ(thread_count(0, 1), 1u);
}
