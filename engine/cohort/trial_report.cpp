// Trial-report statistics and their text rendering.
#include "engine/cohort/trial_report.hpp"

#include <cmath>
#include <cstdio>
#include <functional>

#include "engine/readout/calendar.hpp"

namespace icbsim::cohort {
namespace {

using readout::Response;
using readout::SitcClass;

GroupStatistics statistics(const std::vector<const TaskSummary*>& tasks, const std::string& arm,
                           const std::string& subgroup) {
  GroupStatistics g;
  g.arm = arm;
  g.subgroup = subgroup;
  std::vector<Response> best;
  std::vector<readout::SurvivalTime> pfs, os;
  std::size_t evaluable = 0, primary = 0, hyper = 0;
  for (const TaskSummary* t : tasks) {
    if (!t->ok) {
      ++g.failed;
      continue;
    }
    ++g.n;
    ++g.best[static_cast<std::size_t>(t->best)];
    best.push_back(t->best);
    pfs.push_back({t->pfs_days, t->pfs_event});
    os.push_back({t->os_days, t->os_event});
    ++g.sitc[static_cast<std::size_t>(t->sitc)];
    if (t->sitc != SitcClass::kNotEvaluable) ++evaluable;
    if (t->sitc == SitcClass::kPrimaryResistance) ++primary;
    if (t->hyperprogression) ++hyper;
    using readout::ProgressionReason;
    if (t->progression_reason != ProgressionReason::kNone) ++g.progressions;
    if (t->progression_reason == ProgressionReason::kNewLesions) ++g.on_new_lesions_alone;
    if (t->progression_reason == ProgressionReason::kNewLesions ||
        t->progression_reason == ProgressionReason::kTargetAndNewLesions)
      ++g.with_new_lesions;
  }
  if (g.n > 0) {
    g.orr = readout::objective_response_rate(best);
    g.dcr = readout::disease_control_rate(best);
    g.pfs = readout::median_survival(readout::kaplan_meier(pfs));
    g.os = readout::median_survival(readout::kaplan_meier(os));
    g.hyperprogression_rate = static_cast<double>(hyper) / static_cast<double>(g.n);
  }
  g.primary_resistance_rate = evaluable > 0 ? static_cast<double>(primary) / static_cast<double>(evaluable) : 0.0;
  return g;
}

std::string months(const std::optional<double>& days) {
  if (!days) return "NR";
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", *days / readout::kDaysPerMonth);
  return b;
}

std::string render(const TrialReport& r, const std::vector<std::string>& arms) {
  std::string out;
  char line[512];
  out += "trial report (months for survival; 95% intervals: Wilson for rates, Brookmeyer-Crowley for medians)\n";
  std::snprintf(line, sizeof line, "  %-22s %-28s %6s %5s %5s %5s %5s %5s  %-20s %-20s %-18s %-18s %7s %6s\n", "arm",
                "group", "n", "CR", "PR", "SD", "PD", "NE", "ORR %", "DCR %", "median PFS", "median OS", "PrimRes", "HPD");
  out += line;
  for (const GroupStatistics& g : r.groups) {
    auto pct = [](const readout::Proportion& p) {
      char b[64];
      std::snprintf(b, sizeof b, "%.1f (%.1f-%.1f)", 100 * p.estimate, 100 * p.wilson.lower, 100 * p.wilson.upper);
      return std::string(b);
    };
    const std::string pfs = months(g.pfs.median) + " (" + months(g.pfs.lower) + "-" + months(g.pfs.upper) + ")";
    const std::string os = months(g.os.median) + " (" + months(g.os.lower) + "-" + months(g.os.upper) + ")";
    std::snprintf(line, sizeof line, "  %-22s %-28s %6zu %5zu %5zu %5zu %5zu %5zu  %-20s %-20s %-18s %-18s %6.1f%% %5.1f%%\n",
                  g.arm.c_str(), g.subgroup.c_str(), g.n, g.best[0], g.best[1], g.best[2], g.best[3], g.best[4],
                  pct(g.orr).c_str(), pct(g.dcr).c_str(), pfs.c_str(), os.c_str(), 100 * g.primary_resistance_rate,
                  100 * g.hyperprogression_rate);
    out += line;
  }
  bool new_lesions = false;  // the section appears when any progression was called with new lesions
  for (const GroupStatistics& g : r.groups) new_lesions = new_lesions || g.with_new_lesions > 0;
  if (new_lesions) {
    out += "\n  progressions (RECIST 1.1) called on new lesions alone, and with new lesions present\n";
    for (const GroupStatistics& g : r.groups) {
      if (g.subgroup != "all") continue;
      const double n = g.progressions > 0 ? static_cast<double>(g.progressions) : 1.0;
      std::snprintf(line, sizeof line,
                    "  %-22s progressions %6zu   new lesions alone %6zu (%5.1f%%)   with new lesions %6zu (%5.1f%%)\n",
                    g.arm.c_str(), g.progressions, g.on_new_lesions_alone,
                    100.0 * static_cast<double>(g.on_new_lesions_alone) / n, g.with_new_lesions,
                    100.0 * static_cast<double>(g.with_new_lesions) / n);
      out += line;
    }
  }
  if (!r.comparisons.empty()) {
    out += "\n  hazard ratios against '" + arms.front() + "' (Cox, Efron ties; log-rank p)\n";
    for (const ArmComparison& c : r.comparisons) {
      std::snprintf(line, sizeof line, "  %-22s PFS HR %.3f (%.3f-%.3f) p=%.3g   OS HR %.3f (%.3f-%.3f) p=%.3g\n",
                    c.arm.c_str(), c.pfs_hr.hr, c.pfs_hr.lower, c.pfs_hr.upper, c.pfs_logrank.p_value, c.os_hr.hr,
                    c.os_hr.lower, c.os_hr.upper, c.os_logrank.p_value);
      out += line;
    }
  }
  if (!r.attributions.empty()) {
    out += "\n  primary resistance attributable to each mechanism ((overall - non-carriers) / overall)\n";
    for (const Attribution& a : r.attributions) {
      std::snprintf(line, sizeof line, "  %-22s %-24s carriers %6zu: %5.1f%%  non-carriers %5.1f%%  attributable %6.1f%%\n",
                    a.arm.c_str(), a.mechanism.c_str(), a.carriers, 100 * a.carriers_rate, 100 * a.non_carriers_rate,
                    100 * a.attributable_fraction);
      out += line;
    }
  }
  return out;
}

}  // namespace

TrialReport make_trial_report(const std::vector<TaskSummary>& tasks, const std::vector<std::string>& arms,
                              const std::vector<std::string>& mechanisms, const std::vector<std::string>& strata) {
  TrialReport report;
  std::vector<std::vector<const TaskSummary*>> by_arm(arms.size());
  for (const TaskSummary& t : tasks) by_arm[t.arm].push_back(&t);
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const GroupStatistics all = statistics(by_arm[a], arms[a], "all");
    report.groups.push_back(all);
    for (std::size_t k = 0; k < strata.size(); ++k) {
      std::vector<const TaskSummary*> in;
      for (const TaskSummary* t : by_arm[a])
        if (t->stratum == static_cast<int>(k)) in.push_back(t);
      report.groups.push_back(statistics(in, arms[a], "stratum " + strata[k]));
    }
    for (std::size_t m = 0; m < mechanisms.size(); ++m) {
      std::vector<const TaskSummary*> carriers, others;
      for (const TaskSummary* t : by_arm[a]) (m < t->carries.size() && t->carries[m] ? carriers : others).push_back(t);
      const GroupStatistics c = statistics(carriers, arms[a], mechanisms[m] + ": carriers");
      const GroupStatistics o = statistics(others, arms[a], mechanisms[m] + ": non-carriers");
      report.groups.push_back(c);
      report.groups.push_back(o);
      Attribution at{arms[a], mechanisms[m], c.primary_resistance_rate, o.primary_resistance_rate, 0.0, c.n};
      at.attributable_fraction =
          all.primary_resistance_rate > 0 ? (all.primary_resistance_rate - o.primary_resistance_rate) / all.primary_resistance_rate : 0.0;
      report.attributions.push_back(at);
    }
  }
  for (std::size_t a = 1; a < arms.size(); ++a) {
    std::vector<readout::ArmSurvivalTime> pfs, os;
    for (std::size_t b : {std::size_t{0}, a})
      for (const TaskSummary* t : by_arm[b])
        if (t->ok) {
          pfs.push_back({t->pfs_days, t->pfs_event, b == 0 ? 0 : 1});
          os.push_back({t->os_days, t->os_event, b == 0 ? 0 : 1});
        }
    ArmComparison c;
    c.arm = arms[a];
    bool pfs_events = false, os_events = false;
    for (const auto& x : pfs) pfs_events = pfs_events || x.event;
    for (const auto& x : os) os_events = os_events || x.event;
    // A hazard ratio does not exist without events, or when one arm has all of them (infinite).
    auto compare = [](const std::vector<readout::ArmSurvivalTime>& d, bool events, readout::CoxResult& hr,
                      readout::LogRankResult& lr) {
      const double nan = std::nan("");
      hr.hr = hr.lower = hr.upper = nan;
      lr.p_value = nan;
      if (!events) return;
      try {
        lr = readout::log_rank_test(d);
        hr = readout::cox_binary(d);
      } catch (const std::exception&) {  // e.g. one patient per arm: no informative event time
        hr.hr = hr.lower = hr.upper = nan;
      }
    };
    compare(pfs, pfs_events, c.pfs_hr, c.pfs_logrank);
    compare(os, os_events, c.os_hr, c.os_logrank);
    report.comparisons.push_back(c);
  }
  report.text = render(report, arms);
  return report;
}

}  // namespace icbsim::cohort
