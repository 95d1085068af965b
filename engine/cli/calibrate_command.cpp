// `icbsim calibrate CONFIG`: fit free parameters to trial statistics, print the fit, write the
// fitted overlay(s) and the HDF5 record (docs/calibration.md).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <icbsim/build_info.hpp>

#include "engine/calibrate/calibration.hpp"
#include "engine/cli/commands.hpp"
#include "engine/io/calibration_loader.hpp"
#include "engine/io/calibration_overlay.hpp"
#include "engine/io/calibration_record.hpp"

namespace icbsim::cli {
namespace {

/// A statistic in the unit it is published in: per cent, or months of 30.4375 days (VDT in days).
std::string shown(calibrate::Statistic s, double v) {
  if (!std::isfinite(v)) return "n/a";
  char text[32];
  if (calibrate::is_proportion(s)) std::snprintf(text, sizeof text, "%.1f %%", 100.0 * v);
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
  CalibrationConfig config = load_calibration_config(options.config, registry);
  if (options.max_evaluations) config.problem.optimiser.max_evaluations = *options.max_evaluations;
  const auto start = std::chrono::steady_clock::now();
  const calibrate::CalibrationResult result =
      calibrate::calibrate(config.problem, [&](std::size_t i, const calibrate::Evaluation& e) {
        if (!options.quiet) print_evaluation(i, e, config.problem);
      });
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const calibrate::Evaluation& best = result.evaluations.at(result.best);
  std::ostringstream header;
  header << "Fitted by `icbsim calibrate " << options.config << "` (icbsim " << build_info::kVersion << ", "
         << build_info::kGitCommit << "):\nobjective " << best.objective << " at evaluation " << result.best + 1 << " of "
         << result.evaluations.size() << " (" << calibrate::optimiser_description(config.problem.optimiser.algorithm)
         << ", " << result.optimiser.status << "), seed " << config.seed << ", "
         << (config.patients > 0 ? std::to_string(config.patients) + " patients per scenario" : "scenario sizes")
         << ".\nWritten by the calibration: re-run it rather than editing these values.";
  write_calibration_overlays(config, best.values, header.str());
  if (!config.record.empty()) write_calibration_record(config.record, config, result, wall);
  if (!options.quiet) {
    print_fit(best, config.problem, std::cout);
    std::cout << "optimiser     " << result.optimiser.status << " after " << result.evaluations.size()
              << " evaluations, " << wall << " s\n";
    for (const std::string& path : config.overlays) std::cout << "overlay       " << path << "\n";
    if (!config.record.empty()) std::cout << "record        " << config.record << "\n";
  }
  return kOk;
}

}  // namespace icbsim::cli
