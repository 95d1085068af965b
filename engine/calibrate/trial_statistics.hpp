// Summary statistics of a simulated trial arm — the numbers trials publish: objective response and
// disease control rates, best-response shares, Kaplan–Meier medians of PFS and OS — and the median
// volume-doubling time of untreated growth. A ResultSink collects what they need from each task.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/result_sink.hpp"

namespace icbsim::calibrate {

/// A statistic of one arm. Proportions are fractions of all completed patients (NE included in
/// the denominator, as trials report ITT rates); times are days.
enum class Statistic { kOrr, kDcr, kBestCr, kBestPr, kBestSd, kBestPd, kMedianPfs, kMedianOs, kMedianVdt };
inline constexpr EnumTable<Statistic, 9> kStatisticNames{{{
    {Statistic::kOrr, "orr"},
    {Statistic::kDcr, "dcr"},
    {Statistic::kBestCr, "best_cr"},
    {Statistic::kBestPr, "best_pr"},
    {Statistic::kBestSd, "best_sd"},
    {Statistic::kBestPd, "best_pd"},
    {Statistic::kMedianPfs, "median_pfs"},
    {Statistic::kMedianOs, "median_os"},
    {Statistic::kMedianVdt, "median_vdt"},
}}};

/// Whether a statistic is a proportion (else a time in days).
bool is_proportion(Statistic s);

/// What the statistics keep of one task.
struct TaskOutcome {
  bool ok = false;
  std::size_t arm = 0;
  readout::Response best = readout::Response::kNE;
  readout::SurvivalTime pfs, os;
  double growth_rate = 0.0;  ///< volumetric, first to last output time [1/day]; NaN without a readout
};

/// Statistics of one arm.
struct ArmStatistics {
  std::size_t n = 0;       ///< completed tasks
  std::size_t failed = 0;  ///< tasks that failed
  std::array<std::size_t, 5> best{};  ///< CR, PR, SD, PD, NE counts
  std::optional<double> median_pfs, median_os;  ///< [day]; none when not reached
  double median_growth_rate = 0.0;              ///< [1/day]

  /// The statistic's value (NaN when it does not exist: no patient, a median not reached, no growth).
  double value(Statistic s) const;
};

/// Statistics of every arm from the task outcomes.
std::vector<ArmStatistics> arm_statistics(const std::vector<TaskOutcome>& tasks, std::size_t arms);

/// Collects TaskOutcomes (indexed by local task id) from a run.
class StatisticsSink : public ResultSink {
 public:
  explicit StatisticsSink(const Plan& plan);
  void write_task(const TaskRecord& record) override;
  void write_report(const std::string&) override {}
  void finish(const RunMetadata&) override {}
  const std::vector<TaskOutcome>& outcomes() const noexcept { return outcomes_; }

 private:
  const Plan& plan_;
  std::vector<TaskOutcome> outcomes_;
};

}  // namespace icbsim::calibrate
