// Trial reports rebuilt from result files.
#include "engine/io/results/trial_report_file.hpp"

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_layout.hpp"
#include "engine/io/results/result_reader.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/trial_assembly.hpp"

namespace icbsim {

cohort::TrialReport trial_report_of(hid_t file, const Scenario& scenario) {
  const Plan plan(scenario);
  const auto arm = h5::read_enum_codes(file, "/tasks/arm");
  const auto status = h5::read_enum_codes(file, std::string(results::kStatus));
  const auto best = h5::read_enum_codes(file, "/outcomes/best_response");
  const auto sitc = h5::read_enum_codes(file, "/outcomes/sitc_class");
  const auto hyper = h5::read_enum_codes(file, "/outcomes/hyperprogression");
  const std::string reason_path = "/outcomes/progression_reason";  // absent from files of older versions
  const auto reason = h5::exists(file, reason_path) ? h5::read_enum_codes(file, reason_path) : std::vector<int>{};
  const auto pfs_event = h5::read_enum_codes(file, "/outcomes/pfs_event");
  const auto os_event = h5::read_enum_codes(file, "/outcomes/os_event");
  const auto pfs = h5::read_doubles(file, "/outcomes/pfs_days");
  const auto os = h5::read_doubles(file, "/outcomes/os_days");
  std::vector<std::vector<int>> carries;
  for (const std::string& mechanism : reported_mechanisms(scenario))
    carries.push_back(h5::read_enum_codes(file, "/tasks/carries/" + mechanism));
  std::vector<double> stratum_values;
  if (scenario.strata)
    stratum_values =
        h5::read_doubles(file, (scenario.strata->by_tps ? "/outcomes/" : "/parameters/") + scenario.strata->name);
  std::vector<cohort::TaskSummary> tasks(arm.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    cohort::TaskSummary& t = tasks[i];
    t.arm = static_cast<std::uint16_t>(arm[i]);
    t.ok = results::is(status[i], results::TaskStatus::kOk);
    t.best = static_cast<readout::Response>(best[i]);
    t.sitc = static_cast<readout::SitcClass>(sitc[i]);
    t.hyperprogression = hyper[i] != 0;
    if (!reason.empty()) t.progression_reason = static_cast<readout::ProgressionReason>(reason[i]);
    t.pfs_days = static_cast<float>(pfs[i]);
    t.pfs_event = pfs_event[i] != 0;
    t.os_days = static_cast<float>(os[i]);
    t.os_event = os_event[i] != 0;
    for (const auto& c : carries) t.carries.push_back(c[i] != 0);
    if (scenario.strata) t.stratum = scenario.strata->stratum_of(stratum_values[i]);
  }
  return assemble_trial_report(scenario, plan, tasks);
}

cohort::TrialReport read_trial_report(const std::string& path, const ModelRegistry& registry) {
  h5::Id file = open_result_file(path);
  if (H5Aexists(file.get(), "report") <= 0)
    throw ScenarioError(SourceLocation{path, 0, 0},
                        "the result file holds no trial report (a cohort with a readout: has one)");
  const std::string stored = h5::read_string_attribute(file.get(), "report");
  const Scenario scenario = load_scenario_text(h5::read_string_attribute(file.get(), "scenario_resolved"),
                                               path + " (scenario_resolved)", registry);
  cohort::TrialReport report = trial_report_of(file.get(), scenario);
  if (report.text != stored)
    throw IoError("the trial report rebuilt from the columns of '" + path + "' differs from the one stored in it");
  return report;
}

}  // namespace icbsim
