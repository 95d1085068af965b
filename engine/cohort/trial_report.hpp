// The trial report of a cohort: per arm (and per mechanism carried), best-response table, ORR and
// DCR with Wilson intervals, median PFS and OS with intervals, hazard ratios and log-rank tests
// against the first arm, SITC class distribution and hyperprogression rate; and the share of
// primary resistance attributable to each mechanism; with new lesions, the share of progressions
// called on new lesions alone. Built from compact per-task records, so a
// million patients cost tens of megabytes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/readout/patient_readout.hpp"
#include "engine/readout/proportion.hpp"
#include "engine/readout/survival.hpp"

namespace icbsim::cohort {

/// What the report keeps of one task.
struct TaskSummary {
  std::uint16_t arm = 0;
  bool ok = false;
  std::vector<bool> carries;
  int stratum = -1;  ///< report stratum, -1 without stratification
  readout::Response best = readout::Response::kNE;
  readout::SitcClass sitc = readout::SitcClass::kNotEvaluable;
  bool hyperprogression = false;
  readout::ProgressionReason progression_reason = readout::ProgressionReason::kNone;
  float pfs_days = 0, os_days = 0;
  bool pfs_event = false, os_event = false;
};

/// Statistics of one group of patients (an arm, or the carriers of a mechanism in an arm).
struct GroupStatistics {
  std::string arm;
  std::string subgroup;  ///< "all", or "<mechanism>: carriers" / "<mechanism>: non-carriers"
  std::size_t n = 0;     ///< tasks that completed
  std::size_t failed = 0;
  std::array<std::size_t, 5> best{};  ///< CR, PR, SD, PD, NE counts
  readout::Proportion orr, dcr;
  readout::MedianSurvival pfs, os;
  std::array<std::size_t, 6> sitc{};  ///< by readout::SitcClass
  double primary_resistance_rate = 0.0;  ///< among SITC-evaluable patients
  double hyperprogression_rate = 0.0;
  std::size_t progressions = 0;          ///< RECIST 1.1 progressions (any reason)
  std::size_t with_new_lesions = 0;      ///< of them, called with new lesions present
  std::size_t on_new_lesions_alone = 0;  ///< of them, called on new lesions alone (targets not PD)
};

/// An arm against the first arm.
struct ArmComparison {
  std::string arm;
  readout::CoxResult pfs_hr, os_hr;
  readout::LogRankResult pfs_logrank, os_logrank;
};

/// Primary resistance attributable to a mechanism within an arm:
/// (rate overall − rate among non-carriers) / rate overall.
struct Attribution {
  std::string arm;
  std::string mechanism;
  double carriers_rate = 0.0;
  double non_carriers_rate = 0.0;
  double attributable_fraction = 0.0;
  std::size_t carriers = 0;
};

struct TrialReport {
  std::vector<GroupStatistics> groups;
  std::vector<ArmComparison> comparisons;
  std::vector<Attribution> attributions;
  std::string text;  ///< the printed report
};

/// Builds the report from the tasks' summaries.
TrialReport make_trial_report(const std::vector<TaskSummary>& tasks, const std::vector<std::string>& arms,
                              const std::vector<std::string>& mechanisms,
                              const std::vector<std::string>& strata = {});

}  // namespace icbsim::cohort
