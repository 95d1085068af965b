// Benchmark: cohort throughput of the NSCLC model (two simulated years, two arms, trajectories,
// readout and HDF5 output on), against a tight loop that only integrates the same tasks with no
// readout and no I/O, in the same process; and the speed-up from 1 to 2 OpenMP threads.
// Targets: engine >= 0.5x the tight loop; 2 threads >= 1.7x 1 thread.
#include <omp.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double engine_run(const icbsim::Scenario& s, int threads, const std::string& path) {
  omp_set_num_threads(threads);
  const auto start = Clock::now();
  const icbsim::Plan plan(s);
  icbsim::Hdf5ResultWriter writer(path, s, plan);
  icbsim::run_plan(s, plan, writer);
  return seconds_since(start);
}

double tight_loop(const icbsim::Scenario& s) {
  const icbsim::Plan plan(s);
  const auto start = Clock::now();
  double sink = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) sink += s.model->simulate(plan.task(i)).trajectories.back();
  const double t = seconds_since(start);
  if (sink == 12345.678) std::puts("");  // keep the work observable
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t patients = argc > 1 ? std::stoul(argv[1]) : 200;
  const auto registry = icbsim::models::builtin_registry();
  icbsim::Scenario s =
      icbsim::load_scenario_file(std::string(ICBSIM_SOURCE_DIR) + "/configs/scenarios/default_cohort.yaml", registry);
  s.population->size = patients;
  const std::string out = (std::filesystem::temp_directory_path() / "icbsim_bench_cohort.h5").string();
  const auto tasks = static_cast<double>(icbsim::Plan(s).size());
  std::printf("nsclc_icb cohort: %zu patients x 2 arms = %.0f tasks, 2 years, weekly output, readout on\n", patients, tasks);

  const double tight = tight_loop(s);
  const double one = engine_run(s, 1, out);
  const double two = engine_run(s, 2, out);
  std::printf("tight loop (integration only, 1 thread): %8.2f s  %8.1f tasks/s\n", tight, tasks / tight);
  std::printf("engine, 1 thread (readout + HDF5):      %8.2f s  %8.1f tasks/s\n", one, tasks / one);
  std::printf("engine, 2 threads:                      %8.2f s  %8.1f tasks/s\n", two, tasks / two);
  std::printf("engine (1 thread) / tight loop throughput: %.3f (target >= 0.5)\n", tight / one);
  std::printf("speed-up 1 -> 2 threads: %.3f (target >= 1.7)\n", one / two);
  std::filesystem::remove(out);
  return 0;
}
