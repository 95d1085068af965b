// Arm statistics from task outcomes; Kaplan–Meier medians from engine/readout.
#include "engine/calibrate/trial_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/readout/survival.hpp"

namespace icbsim::calibrate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> km_median(const std::vector<readout::SurvivalTime>& times) {
  if (times.empty()) return std::nullopt;
  return readout::median_survival(readout::kaplan_meier(times)).median;
}

double median_of(std::vector<double> v) {
  if (v.empty()) return kNaN;
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  return 0.5 * (upper + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
}

}  // namespace

bool is_proportion(Statistic s) {
  return s != Statistic::kMedianPfs && s != Statistic::kMedianOs && s != Statistic::kMedianVdt;
}

double ArmStatistics::value(Statistic s) const {
  const double total = static_cast<double>(n);
  const auto share = [&](std::size_t count) { return n == 0 ? kNaN : static_cast<double>(count) / total; };
  switch (s) {
    case Statistic::kOrr: return share(best[0] + best[1]);
    case Statistic::kDcr: return share(best[0] + best[1] + best[2]);
    case Statistic::kBestCr: return share(best[0]);
    case Statistic::kBestPr: return share(best[1]);
    case Statistic::kBestSd: return share(best[2]);
    case Statistic::kBestPd: return share(best[3]);
    case Statistic::kMedianPfs: return median_pfs.value_or(kNaN);
    case Statistic::kMedianOs: return median_os.value_or(kNaN);
    case Statistic::kMedianVdt:  // the median growth rate gives the median doubling time
      return median_growth_rate > 0.0 ? std::log(2.0) / median_growth_rate : kNaN;
  }
  return kNaN;
}

std::vector<ArmStatistics> arm_statistics(const std::vector<TaskOutcome>& tasks, std::size_t arms) {
  std::vector<ArmStatistics> out(arms);
  std::vector<std::vector<readout::SurvivalTime>> pfs(arms), os(arms);
  std::vector<std::vector<double>> growth(arms);
  for (const TaskOutcome& t : tasks) {
    ArmStatistics& a = out[t.arm];
    if (!t.ok) {
      ++a.failed;
      continue;
    }
    ++a.n;
    ++a.best[static_cast<std::size_t>(t.best)];
    pfs[t.arm].push_back(t.pfs);
    os[t.arm].push_back(t.os);
    if (std::isfinite(t.growth_rate)) growth[t.arm].push_back(t.growth_rate);
  }
  for (std::size_t k = 0; k < arms; ++k) {
    out[k].median_pfs = km_median(pfs[k]);
    out[k].median_os = km_median(os[k]);
    out[k].median_growth_rate = median_of(growth[k]);
  }
  return out;
}

StatisticsSink::StatisticsSink(const Plan& plan) : plan_(plan), outcomes_(plan.size()) {}

void StatisticsSink::write_task(const TaskRecord& record) {
  TaskOutcome& t = outcomes_[record.task];
  t.arm = record.arm;
  t.ok = record.ok && record.readout != nullptr;
  t.growth_rate = kNaN;
  if (!t.ok) return;
  t.best = record.readout->best_response;
  t.pfs = record.readout->pfs;
  t.os = record.readout->os;
  // Volumetric growth rate of the true tumour between the first and the last output time.
  const auto& mapping = plan_.scenario().readout->tumour;
  const std::vector<double>& times = plan_.output_times();
  const std::size_t n_times = times.size();
  if (n_times < 2 || record.output == nullptr) return;
  const double* row = record.output->trajectories.data() + mapping.row * n_times;
  const double d0 = readout::tumour_diameter_mm(mapping, row[0]);
  const double d1 = readout::tumour_diameter_mm(mapping, row[n_times - 1]);
  if (d0 > 0.0 && d1 > 0.0) t.growth_rate = 3.0 * std::log(d1 / d0) / (times.back() - times.front());
}

}  // namespace icbsim::calibrate
