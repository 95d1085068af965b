// `icbsim calibrate CONFIG`: fit free parameters to trial statistics, print the fit, write the
// fitted overlay(s) and the HDF5 record (docs/calibration.md).
#include <cmath>
#include <cstdio>
#include <iostream>

#include "engine/app/calibration_run.hpp"
#include "engine/calibrate/calibration.hpp"
#include "engine/cli/commands.hpp"

namespace icbsim::cli {
namespace {

/// A statistic in the unit it is published in: per cent, a plain ratio, or months of 30.4375 days
/// (VDT in days).
std::string shown(calibrate::Statistic s, double v) {
  if (!std::isfinite(v)) return "n/a";
  char text[32];
  if (calibrate::is_proportion(s)) std::snprintf(text, sizeof text, "%.1f %%", 100.0 * v);
  else if (calibrate::statistic_kind(s) == calibrate::StatisticKind::kRatio)
    std::snprintf(text, sizeof text, "%.3f", v);
  else if (s == calibrate::Statistic::kMedianVdt) std::snprintf(text, sizeof text, "%.0f d", v);
  else std::snprintf(text, sizeof text, "%.2f mo", v / 30.4375);
  return text;
}

void print_evaluation(std::size_t index, const calibrate::Evaluation& e, const calibrate::CalibrationProblem& problem) {
  std::cout << "evaluation " << index + 1 << "  objective " << e.objective;
  for (std::size_t i = 0; i < e.values.size(); ++i) std::cout << "  " << problem.parameters[i].label << "=" << e.values[i];
  if (!e.error.empty()) std::cout << "  (invalid: " << e.error << ")";
  std::cout << std::endl;
}

void print_fit(const calibrate::Evaluation& best, const calibrate::CalibrationProblem& problem, std::ostream& out) {
  out << "\nfitted values\n";
  for (std::size_t i = 0; i < best.values.size(); ++i) {
    const auto& p = problem.parameters[i];
    out << "  " << p.label << " = " << best.values[i] << (p.unit.empty() ? "" : " " + p.unit) << "   (start " << p.start
        << ", bounds " << p.lower << " - " << p.upper << ")\n";
  }
  out << "\ntargets (published -> simulated; term = ((simulated - published)/scale)^2)\n";
  for (std::size_t i = 0; i < problem.targets.size(); ++i) {
    const auto& t = problem.targets[i];
    char line[256];
    std::snprintf(line, sizeof line, "  %-42s %10s -> %10s   scale %9s   term %7.3f\n", t.label.c_str(),
                  shown(t.statistic, t.value).c_str(), shown(t.statistic, best.simulated[i]).c_str(),
                  shown(t.statistic, t.scale).c_str(), calibrate::target_term(t, best.simulated[i]));
    out << line;
  }
  out << "objective " << best.objective << "\n";
}

}  // namespace

int calibrate_command(const CalibrateOptions& options, const ModelRegistry& registry) {
  const app::CalibrationRun run = app::run_calibration(
      options.config, options.max_evaluations, registry,
      [&](std::size_t i, const calibrate::Evaluation& e, const calibrate::CalibrationProblem& p) {
        if (!options.quiet) print_evaluation(i, e, p);
      },
      options.overwrite);
  if (!options.quiet) {
    print_fit(run.best(), run.config.problem, std::cout);
    std::cout << "optimiser     " << run.result.optimiser.status << " after " << run.result.evaluations.size()
              << " evaluations, " << run.wall_seconds << " s\n";
    for (const std::string& path : run.config.overlays) std::cout << "overlay       " << path << "\n";
    if (!run.config.record.empty()) std::cout << "record        " << run.config.record << "\n";
  }
  return kOk;
}

}  // namespace icbsim::cli
