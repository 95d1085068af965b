// Summary statistics of a simulated trial arm — the numbers trials publish: objective response and
// disease control rates, best-response shares, Kaplan–Meier medians, landmark survival and
// restricted means of PFS and OS, Cox hazard ratios against another arm, each optionally in a
// stratum of measured baseline PD-L1 TPS — and the median volume-doubling time of untreated growth.
// A ResultSink collects what they need from each task.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/result_sink.hpp"

namespace icbsim::calibrate {

/// A statistic of one arm. Proportions are fractions of all completed patients (NE included in
/// the denominator, as trials report ITT rates); times are days; hazard ratios are plain numbers.
enum class Statistic {
  kOrr,
  kDcr,
  kBestCr,
  kBestPr,
  kBestSd,
  kBestPd,
  kMedianPfs,
  kMedianOs,
  kMedianVdt,
  kHrOs,
  kHrPfs,
  kLandmarkOs,
  kLandmarkPfs,
  kRmstOs,
  kRmstPfs
};
inline constexpr EnumTable<Statistic, 15> kStatisticNames{{{
    {Statistic::kOrr, "orr"},
    {Statistic::kDcr, "dcr"},
    {Statistic::kBestCr, "best_cr"},
    {Statistic::kBestPr, "best_pr"},
    {Statistic::kBestSd, "best_sd"},
    {Statistic::kBestPd, "best_pd"},
    {Statistic::kMedianPfs, "median_pfs"},
    {Statistic::kMedianOs, "median_os"},
    {Statistic::kMedianVdt, "median_vdt"},
    {Statistic::kHrOs, "hr_os"},
    {Statistic::kHrPfs, "hr_pfs"},
    {Statistic::kLandmarkOs, "landmark_os"},
    {Statistic::kLandmarkPfs, "landmark_pfs"},
    {Statistic::kRmstOs, "rmst_os"},
    {Statistic::kRmstPfs, "rmst_pfs"},
}}};

/// What kind of number a statistic is: a fraction, a time [day] or a ratio.
enum class StatisticKind { kProportion, kTime, kRatio };
StatisticKind statistic_kind(Statistic s);
/// Whether a statistic is a proportion.
bool is_proportion(Statistic s);
/// Whether a statistic compares its arm with a comparator arm (hr_os, hr_pfs: `against:`).
bool needs_comparator(Statistic s);
/// Whether a statistic is read at a time (landmark_*, rmst_*: `at:`).
bool needs_time(Statistic s);

/// Patients whose measured baseline TPS lies in [min, max) [%]; an unset side is open. A patient
/// without a measured TPS (NaN) lies in no range.
struct TpsRange {
  std::optional<double> min;  ///< inclusive [%]
  std::optional<double> max;  ///< exclusive [%]
  bool contains(double tps_pct) const;
};

/// What the statistics keep of one task.
struct TaskOutcome {
  bool ok = false;
  std::size_t arm = 0;
  readout::Response best = readout::Response::kNE;
  readout::SurvivalTime pfs, os;
  double growth_rate = 0.0;  ///< volumetric, first to last output time [1/day]; NaN without a readout
  double tps_pct = std::numeric_limits<double>::quiet_NaN();  ///< measured baseline TPS [%]; NaN: none
};

/// What to compute: a statistic of one arm, with a comparator arm, a time and a TPS stratum where
/// the statistic asks for them.
struct StatisticQuery {
  Statistic statistic = Statistic::kOrr;
  std::size_t arm = 0;                 ///< arm index within the scenario
  std::optional<std::size_t> against;  ///< comparator arm of hr_os, hr_pfs
  std::optional<double> at;            ///< landmark (landmark_*) or horizon (rmst_*) [day]
  std::optional<TpsRange> tps;         ///< only patients (of both arms) in this stratum
};

/// Statistics of one arm.
struct ArmStatistics {
  std::size_t n = 0;       ///< completed tasks
  std::size_t failed = 0;  ///< tasks that failed
  std::array<std::size_t, 5> best{};  ///< CR, PR, SD, PD, NE counts
  std::optional<double> median_pfs, median_os;  ///< [day]; none when not reached
  double median_growth_rate = 0.0;              ///< [1/day]

  /// The value of a statistic that needs nothing beyond the arm (NaN when it does not exist: no
  /// patient, a median not reached, no growth); throws icbsim::Error for one that needs more.
  double value(Statistic s) const;
};

/// Statistics of every arm from the task outcomes.
std::vector<ArmStatistics> arm_statistics(const std::vector<TaskOutcome>& tasks, std::size_t arms);

/// The value of a query from the task outcomes of a scenario with `arms` arms; NaN when it does
/// not exist: no patient in the arm or stratum, a median not reached, follow-up shorter than
/// `at`, a hazard ratio without events in both arms. Failed tasks count nowhere.
double statistic_value(std::span<const TaskOutcome> tasks, std::size_t arms, const StatisticQuery& query);

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
