// Benchmark: the overhead of the sweep machinery (design, task building, runner, HDF5 result file,
// sensitivity analysis) against a plain loop over the same design points that sets the same
// parameters by hand and runs the same tasks (integration, readout, stopping rule), in the same
// process on one thread. Scenario: configs/sweeps/nsclc_anti_pd1_sobol.yaml with fewer samples.
#include <omp.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// The sweep as icbsim runs it: plan, runner, HDF5 writer and the analysis at the end.
double sweep_run(const icbsim::Scenario& s, const std::string& path) {
  const auto start = Clock::now();
  const icbsim::Plan plan(s);
  icbsim::Hdf5ResultWriter writer(path, s, plan);
  icbsim::run_plan(s, plan, writer);
  return seconds_since(start);
}

/// The same tasks by hand: the base inputs of point 0's first task, the scaled parameters set
/// directly from the design values, no result file.
double plain_loop(const icbsim::Scenario& s, double& checksum) {
  const icbsim::Plan plan(s);
  const icbsim::TaskInput base = plan.task(0);
  const auto& values = plan.sweep_points()->values;
  std::vector<double> defaults = s.parameters;
  const auto start = Clock::now();
  for (Eigen::Index point = 0; point < values.rows(); ++point) {
    icbsim::TaskInput input = base;
    for (std::size_t j = 0; j < s.sweep->axes.size(); ++j) {
      const std::size_t p = s.sweep->axes[j].parameter;
      input.parameters[p] = defaults[p] * values(point, static_cast<Eigen::Index>(j));
    }
    const icbsim::TaskResult r =
        icbsim::execute_task(s, plan, static_cast<std::size_t>(point), input, icbsim::TaskLabel{});
    checksum += r.ok ? r.output.trajectories.back() : 0.0;
  }
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t samples = argc > 1 ? std::stoul(argv[1]) : 64;
  const auto registry = icbsim::models::builtin_registry();
  icbsim::Scenario s = icbsim::load_scenario_file(
      std::string(ICBSIM_SOURCE_DIR) + "/configs/sweeps/nsclc_anti_pd1_sobol.yaml", registry);
  s.sweep->samples = samples;
  omp_set_num_threads(1);
  const std::string out = (std::filesystem::temp_directory_path() / "icbsim_bench_sweep.h5").string();
  const auto tasks = static_cast<double>(icbsim::Plan(s).size());
  std::printf("nsclc_icb Saltelli sweep: N = %zu, 9 axes, %.0f tasks, 2 years, readout on, 1 thread\n", samples, tasks);
  double checksum = 0.0;
  const double plain = plain_loop(s, checksum);
  const double sweep = sweep_run(s, out);
  std::printf("plain loop (tasks only):                      %8.3f s  %8.1f tasks/s\n", plain, tasks / plain);
  std::printf("icbsim sweep (plan, runner, HDF5, analysis):  %8.3f s  %8.1f tasks/s\n", sweep, tasks / sweep);
  std::printf("sweep machinery overhead: %.1f %% of the plain loop's time (checksum %.6g)\n",
              100.0 * (sweep - plain) / plain, checksum);
  std::filesystem::remove(out);
  return 0;
}
