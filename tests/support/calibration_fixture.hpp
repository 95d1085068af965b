// Test support: a fresh folder holding the synthetic cohort and a tiny calibration config of it
// (one distribution median fitted to one median-VDT target).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/text_files.hpp"

namespace icbsim::testing {

/// The folder (fresh per test: CTest runs tests in parallel) with cohort.yaml and tiny.yaml, whose
/// optimiser stops after `max_evaluations`; the fit writes fitted.yaml and out/fit.h5 there.
inline std::filesystem::path tiny_calibration(const std::string& group, const std::string& name, int max_evaluations) {
  namespace fs = std::filesystem;
  const fs::path dir = fresh_folder(group, name);
  fs::copy_file(fs::path(ICBSIM_SOURCE_DIR) / "tests/data/calibration/synthetic_cohort.yaml", dir / "cohort.yaml");
  std::ofstream(dir / "tiny.yaml") << "icbsim_calibration: 1\n"
                                      "scenarios: {cohort: {file: cohort.yaml}}\n"
                                      "patients: 40\n"
                                      "seed: 3\n"
                                      "parameters:\n"
                                      "  - {distribution: a, field: median, lower: 0.002 1/day, upper: 0.05 1/day, "
                                      "scale: log}\n"
                                      "targets:\n"
                                      "  - {scenario: cohort, arm: all, statistic: median_vdt, value: 80 day, "
                                      "scale: 5 day, source: tiny test}\n"
                                      "optimiser: {max_evaluations: "
                                   << max_evaluations
                                   << "}\n"
                                      "output: {overlay: fitted.yaml, record: out/fit.h5}\n";
  return dir;
}

}  // namespace icbsim::testing
