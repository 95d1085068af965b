// Arm statistics from task outcomes; Kaplan–Meier curves and the Cox model from engine/readout.
#include "engine/calibrate/trial_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/errors.hpp"
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

StatisticKind statistic_kind(Statistic s) {
  switch (s) {
    case Statistic::kMedianPfs:
    case Statistic::kMedianOs:
    case Statistic::kMedianVdt:
    case Statistic::kRmstOs:
    case Statistic::kRmstPfs:
      return StatisticKind::kTime;
    case Statistic::kHrOs:
    case Statistic::kHrPfs:
      return StatisticKind::kRatio;
    case Statistic::kOrr:
    case Statistic::kDcr:
    case Statistic::kBestCr:
    case Statistic::kBestPr:
    case Statistic::kBestSd:
    case Statistic::kBestPd:
    case Statistic::kLandmarkOs:
    case Statistic::kLandmarkPfs:
      return StatisticKind::kProportion;
  }
  return StatisticKind::kProportion;
}

bool is_proportion(Statistic s) { return statistic_kind(s) == StatisticKind::kProportion; }

bool needs_comparator(Statistic s) { return s == Statistic::kHrOs || s == Statistic::kHrPfs; }

bool needs_time(Statistic s) {
  return s == Statistic::kLandmarkOs || s == Statistic::kLandmarkPfs || s == Statistic::kRmstOs ||
         s == Statistic::kRmstPfs;
}

bool TpsRange::contains(double tps_pct) const {
  if (std::isnan(tps_pct)) return false;
  return (!min || tps_pct >= *min) && (!max || tps_pct < *max);
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
    case Statistic::kHrOs:
    case Statistic::kHrPfs:
    case Statistic::kLandmarkOs:
    case Statistic::kLandmarkPfs:
    case Statistic::kRmstOs:
    case Statistic::kRmstPfs:
      break;
  }
  throw Error("statistic '" + std::string(kStatisticNames.name(s)) +
              "' needs a comparator arm or a time: compute it with statistic_value");
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

double statistic_value(std::span<const TaskOutcome> tasks, std::size_t arms, const StatisticQuery& query) {
  const Statistic s = query.statistic;
  if (query.arm >= arms || (query.against && (*query.against >= arms || *query.against == query.arm)))
    throw Error("statistic_value: the arm or the comparator arm does not exist");
  if (needs_comparator(s) != query.against.has_value() || needs_time(s) != query.at.has_value())
    throw Error("statistic_value: '" + std::string(kStatisticNames.name(s)) +
                "' is given a comparator arm or a time it does not take, or lacks one it needs");
  // The patients the statistic speaks of: every task, or the completed ones of the TPS stratum.
  std::vector<TaskOutcome> in;
  for (const TaskOutcome& t : tasks)
    if (!query.tps || (t.ok && query.tps->contains(t.tps_pct))) in.push_back(t);
  const bool os = s == Statistic::kHrOs || s == Statistic::kLandmarkOs || s == Statistic::kRmstOs;
  const auto endpoint = [os](const TaskOutcome& t) { return os ? t.os : t.pfs; };
  if (needs_comparator(s)) {  // Cox model: hazard of the arm (1) relative to the comparator (0)
    std::vector<readout::ArmSurvivalTime> data;
    for (const TaskOutcome& t : in)
      if (t.ok && (t.arm == query.arm || t.arm == *query.against)) {
        const readout::SurvivalTime e = endpoint(t);
        data.push_back({e.time, e.event, t.arm == query.arm ? 1 : 0});
      }
    try {
      return readout::cox_binary(data).hr;
    } catch (const Error&) {  // an arm without patients or events: no finite hazard ratio
      return kNaN;
    }
  }
  if (needs_time(s)) {
    std::vector<readout::SurvivalTime> times;
    for (const TaskOutcome& t : in)
      if (t.ok && t.arm == query.arm) times.push_back(endpoint(t));
    if (times.empty()) return kNaN;
    const readout::KaplanMeierCurve curve = readout::kaplan_meier(times);
    // Beyond the longest follow-up the curve is known only when it has reached 0.
    const readout::KaplanMeierStep& last = curve.steps.back();
    if (last.time < *query.at && last.survival > 0.0) return kNaN;
    return s == Statistic::kLandmarkOs || s == Statistic::kLandmarkPfs
               ? readout::survival_at(curve, *query.at)
               : readout::restricted_mean_survival(curve, *query.at);
  }
  return arm_statistics(in, arms)[query.arm].value(s);
}

StatisticsSink::StatisticsSink(const Plan& plan) : plan_(plan), outcomes_(plan.size()) {}

void StatisticsSink::write_task(const TaskRecord& record) {
  TaskOutcome& t = outcomes_[record.task];
  t.arm = record.arm;
  t.ok = record.ok && record.readout != nullptr;
  t.growth_rate = kNaN;
  t.tps_pct = kNaN;
  if (!t.ok) return;
  t.best = record.readout->best_response;
  t.pfs = record.readout->pfs;
  t.os = record.readout->os;
  t.tps_pct = record.readout->tps_pct;
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
