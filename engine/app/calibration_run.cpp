// Calibration runs: fit, then the overlay files (headed by how they were made) and the record.
#include "engine/app/calibration_run.hpp"

#include <chrono>
#include <sstream>

#include <icbsim/build_info.hpp>

#include "engine/calibrate/optimiser.hpp"
#include "engine/io/calibration/calibration_overlay.hpp"
#include "engine/io/calibration/calibration_record.hpp"
#include "engine/io/h5/output_target.hpp"

namespace icbsim::app {

CalibrationRun run_calibration(const std::string& path, std::optional<std::size_t> max_evaluations,
                               const ModelRegistry& registry, const CalibrationProgress& on_evaluation,
                               bool overwrite) {
  CalibrationRun run;
  run.config = load_calibration_config(path, registry);
  for (const std::string& overlay : run.config.overlays) check_replaceable(overlay, OutputPermission{true, overwrite});
  if (!run.config.record.empty()) check_replaceable(run.config.record, OutputPermission{true, overwrite});
  if (max_evaluations) run.config.problem.optimiser.max_evaluations = *max_evaluations;
  const auto start = std::chrono::steady_clock::now();
  run.result = calibrate::calibrate(run.config.problem, [&](std::size_t i, const calibrate::Evaluation& e) {
    if (on_evaluation) on_evaluation(i, e, run.config.problem);
  });
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const calibrate::Evaluation& best = run.best();
  std::ostringstream header;
  header << "Fitted by `icbsim calibrate " << path << "` (icbsim " << build_info::kVersion << ", "
         << build_info::kGitCommit << "):\nobjective " << best.objective << " at evaluation " << run.result.best + 1
         << " of " << run.result.evaluations.size() << " ("
         << calibrate::optimiser_description(run.config.problem.optimiser.algorithm) << ", "
         << run.result.optimiser.status << "), seed " << run.config.seed << ", "
         << (run.config.patients > 0 ? std::to_string(run.config.patients) + " patients per scenario"
                                     : "scenario sizes")
         << ".\nWritten by the calibration: re-run it rather than editing these values.";
  write_calibration_overlays(run.config, best.values, header.str());
  if (!run.config.record.empty()) write_calibration_record(run.config.record, run.config, run.result, run.wall_seconds);
  return run;
}

}  // namespace icbsim::app
