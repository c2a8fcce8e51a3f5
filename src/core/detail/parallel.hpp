#pragma once
// The one way civitas runs work on several threads (batches, rank uncertainty, observation
// files). Results never depend on the number of threads: work is cut into jobs that do not
// depend on it, and a job's error is reported as the same one whatever ran where.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace civitas::detail {

/// The threads to use: `requested` when above 0, else one per core (as the system reports them,
/// at least 1); never more than `useful` (the jobs there are), never fewer than 1.
[[nodiscard]] inline std::size_t thread_count(int requested, std::size_t useful) {
    // One job needs one thread, and the system is not asked: glibc reads a file in /sys to answer,
    // which cost a small call (one unit's evaluation) several microseconds.
    if (useful <= 1) return 1;
    const std::size_t wanted =
        requested > 0 ? static_cast<std::size_t>(requested) : std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(wanted, useful));
}

/// run_parallel (below), with threads started by start(worker, w), which returns a std::thread (the
/// tests pass one that fails as the system does when it has no more threads).
template <class Job, class Start>
std::size_t run_parallel_with(std::size_t jobs, std::size_t threads, Job&& job, Start&& start) {
    threads = std::max<std::size_t>(1, std::min(threads, jobs));
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> first_failed{jobs};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto worker = [&](std::size_t w) {
        for (std::size_t i = next.fetch_add(1); i < jobs; i = next.fetch_add(1)) {
            if (i > first_failed.load()) continue;  // an earlier job failed: its error is the one
            try {
                job(i, w);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                if (i < first_failed.load()) {
                    first_failed.store(i);
                    failure = std::current_exception();
                }
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t w = 1; w < threads; ++w) {
        try {
            pool.push_back(start(worker, w));
        } catch (const std::system_error&) {
            break;  // no more threads now: those started and this one share the jobs
        }
    }
    worker(0);
    for (std::thread& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
    return pool.size() + 1;
}

/// Runs job(index, worker) for each index in [0, jobs) on up to `threads` workers, the calling
/// thread being worker 0; workers take indices in turn. A thread the system cannot start is
/// done without: the workers that started (the caller at least) take its jobs, so a shortage of
/// threads slows the work and never ends the program. When jobs throw, the error of the lowest
/// index is rethrown once every worker is done, and jobs past it are skipped: the same error
/// whatever the number of workers. Returns the number of workers that ran.
template <class Job>
std::size_t run_parallel(std::size_t jobs, std::size_t threads, Job&& job) {
    return run_parallel_with(jobs, threads, std::forward<Job>(job),
                             [](auto&& worker, std::size_t w) { return std::thread(std::forward<decltype(worker)>(worker), w); });
}

}  // namespace civitas::detail
