// The store's results as text, in either language (built with or without SQLite).

#include <civitas/store/campaign_store.hpp>

#include <string>

namespace civitas {

std::string to_string(const RejectedRecord& record, Language language) {
    return record.record + (language == Language::zh ? "：" : ": ") + record.message.text(language);
}

std::string to_string(const ImportResult& result, Language language) {
    const auto count = [](std::size_t n) { return std::to_string(n); };
    Message text("submission {0}: {1} observations ({2} new, {3} corrections), {4} task reports ({5} finished), {6} problem updates ({7} closed), {9} payments, {8} records rejected"_en,
                 "报送 {0}：观测值 {1} 条（新增 {2} 条，更正 {3} 条），任务进度 {4} 条（完成 {5} 项），问题整改 {6} 条（销号 {7} 个），经费支出 {9} 笔，退回 {8} 条"_zh,
                 {std::to_string(result.submission), count(result.observations), count(result.new_values.size()),
                  count(result.corrections.size()), count(result.task_reports), count(result.tasks_finished.size()),
                  count(result.problem_updates), count(result.problems_closed.size()), count(result.rejected.size()),
                  count(result.spending_reports)});
    return text.text(language);
}

}  // namespace civitas
