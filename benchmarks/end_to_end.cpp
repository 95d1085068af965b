// Benchmark: icbsim from YAML to HDF5 through its public entry point (app::run_scenario, what the
// command line and Python call) against an in-file tight loop over the same tasks (the task inputs
// from the same plan, a hand-written Boost.Odeint loop with the same stepper and output grid, the
// trajectories kept in memory, no readout, no file): Kuznetsov 1994 (cheap right-hand side) and
// nsclc_icb (expensive), daily and weekly output, 1 and 2 OpenMP threads. Then the start-up of
// `icbsim --version` and of the built-in one-patient quickstart (median of 20 runs each). With
// --million only: the 1,000,000-patient Kuznetsov cohort on 2 threads, wall time and peak memory.
// Every line carries the 1-minute load average: on a shared machine, speed-ups mean little.
#include <fcntl.h>
#include <omp.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "benchmarks/hand_written_loop.hpp"
#include "engine/app/run_scenario.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/kuznetsov1994.hpp"
#include "models/nsclc_icb/nsclc_icb.hpp"
#include "models/register_builtin.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

/// The cohort: three lognormal parameters (cv 0.2), two years, Dormand–Prince rtol 1e-6,
/// RECIST readout at protocol scans.
std::string kuznetsov_yaml(std::size_t patients, const std::string& every) {
  return "model: kuznetsov1994\n"
         "initial: {E: 3.2e5 cells, T: 5e6 cells}\n"
         "time: {end: 730 days, output_every: " +
         every +
         "}\n"
         "solver: {rtol: 1e-6, atol: 1e-3}\n"
         "tumour: {size: T, cells_per_ml: 1e6, lesions: [{organ: lung, share: 0.7}, {organ: liver, share: 0.3}]}\n"
         "scans: {baseline: 0 day, every: 6 weeks, until: 48 weeks, then_every: 9 weeks}\n"
         "population:\n"
         "  size: " +
         std::to_string(patients) +
         "\n"
         "  distributions:\n"
         "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}\n"
         "    s: {distribution: lognormal, median: 1.3e4 cells/day, cv: 0.2}\n"
         "    p: {distribution: lognormal, median: 0.1245 1/day, cv: 0.2}\n"
         "seed: 1\n";
}

/// YAML to HDF5: load, run every task on `threads` threads, finish the file.
template <typename Load>
double engine_seconds(Load load, int threads, const icbsim::ModelRegistry& registry) {
  omp_set_num_threads(threads);
  const auto start = Clock::now();
  const icbsim::Scenario s = load();
  std::filesystem::remove(s.output_path);
  icbsim::app::run_scenario(s, icbsim::app::RunRequest{}, registry, icbsim::app::SingleProcess{}, {});
  return seconds_since(start);
}

/// The tight loop: the plan's task inputs, integrated by HandWritten<M>, kept in memory.
template <typename M>
double tight_seconds(const icbsim::Scenario& s, int threads, std::vector<double>& memory) {
  omp_set_num_threads(threads);
  const icbsim::Plan plan(s);
  const std::size_t n_times = plan.output_times().size();
  const std::size_t row = (M::kVariables.size() + M::kObservables.size()) * n_times;
  memory.assign(plan.size() * row, 0.0);
  const auto start = Clock::now();
  const auto n = static_cast<long long>(plan.size());
#pragma omp parallel for schedule(dynamic, 1)
  for (long long i = 0; i < n; ++i) {
    const icbsim::TaskInput in = plan.task(static_cast<std::size_t>(i));
    const M model(in.parameters);
    typename icbsim::bench::HandWritten<M>::State x0{};
    std::copy(in.initial_state.begin(), in.initial_state.end(), x0.begin());
    icbsim::bench::HandWritten<M> loop{model, in.doses, in.t_end, in.solver.atol, in.solver.rtol};
    loop.run(x0, in.output_times, memory.data() + static_cast<std::size_t>(i) * row);
  }
  return seconds_since(start);
}

template <typename M, typename Load>
void compare(const char* name, Load load, const icbsim::ModelRegistry& registry) {
  std::vector<double> memory;
  const icbsim::Scenario s = load();
  const double tasks = static_cast<double>(icbsim::Plan(s).size());
  double engine[2], tight[2];
  for (int threads : {1, 2}) {
    tight[threads - 1] = tight_seconds<M>(s, threads, memory);
    const std::string load_tight = load_average();
    engine[threads - 1] = engine_seconds(load, threads, registry);
    std::printf(
        "%-34s %d thread%s  tight %8.3f s %10.1f tasks/s   engine %8.3f s %10.1f tasks/s   engine/tight %.3f   "
        "(load %s / %s)\n",
        name, threads, threads == 1 ? " " : "s", tight[threads - 1], tasks / tight[threads - 1], engine[threads - 1],
        tasks / engine[threads - 1], tight[threads - 1] / engine[threads - 1], load_tight.c_str(),
        load_average().c_str());
  }
  std::printf("%-34s speed-up 1 -> 2 threads: tight %.3f, engine %.3f\n", name, tight[0] / tight[1],
              engine[0] / engine[1]);
}

/// Median wall time of running `args` (stdout and stderr to /dev/null) `runs` times.
double median_start_seconds(std::vector<std::string> args, int runs) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    pid_t pid = 0;
    int status = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0 || waitpid(pid, &status, 0) < 0 ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "error: %s failed\n", args[0].c_str());
      std::exit(3);
    }
    times.push_back(seconds_since(start));
  }
  posix_spawn_file_actions_destroy(&actions);
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t patients = 10000, nsclc_patients = 100;
  bool million = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--million") == 0)
      million = true;
    else if (std::strcmp(argv[i], "--patients") == 0 && i + 1 < argc)
      patients = std::stoul(argv[++i]);
    else if (std::strcmp(argv[i], "--nsclc-patients") == 0 && i + 1 < argc)
      nsclc_patients = std::stoul(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s [--patients N] [--nsclc-patients M] | --million\n", argv[0]);
      return 2;
    }
  }
  const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  const fs::path dir = fs::temp_directory_path() / "icbsim_bench_end_to_end";
  fs::create_directories(dir);
  const std::string out = (dir / "run.h5").string();

  if (million) {  // alone in its process, so that the peak memory is the engine's
    const std::string yaml = std::string(ICBSIM_SOURCE_DIR) + "/benchmarks/scenarios/kuznetsov_cohort_1m.yaml";
    const double t = engine_seconds(
        [&] {
          icbsim::Scenario s = icbsim::load_scenario_file(yaml, registry);
          s.output_path = out;
          return s;
        },
        2, registry);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "1,000,000-patient Kuznetsov cohort (weekly output, readout), 2 threads: %.1f s, peak resident memory "
        "%.0f MB, file %.0f MB (load %s)\n",
        t, static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<double>(fs::file_size(out)) / 1e6,
        load_average().c_str());
    fs::remove_all(dir);
    return 0;
  }

  for (const char* every : {"1 day", "1 week"}) {
    const std::string label = "kuznetsov1994 " + std::to_string(patients) + " patients, " + every;
    compare<icbsim::models::Kuznetsov1994>(
        label.c_str(),
        [&] {
          icbsim::Scenario s = icbsim::load_scenario_text(kuznetsov_yaml(patients, every), "kuznetsov.yaml", registry);
          s.output_path = out;
          return s;
        },
        registry);
  }
  for (const double every : {1.0, 7.0}) {
    const std::string label =
        "nsclc_icb " + std::to_string(nsclc_patients) + " patients x 2 arms, " + (every == 1.0 ? "1 day" : "1 week");
    compare<icbsim::models::NsclcIcb>(
        label.c_str(),
        [&] {
          icbsim::Scenario s = icbsim::load_scenario_file(
              std::string(ICBSIM_SOURCE_DIR) + "/configs/scenarios/default_cohort.yaml", registry);
          s.population->size = nsclc_patients;
          s.time.output_every = every;
          s.output_path = out;
          return s;
        },
        registry);
  }
  const double version = median_start_seconds({ICBSIM_EXE, "--version"}, 20);
  const double quickstart = median_start_seconds({ICBSIM_EXE, "run", "-q", "-o", (dir / "quickstart.h5").string()}, 20);
  std::printf("start-up, median of 20: icbsim --version %.1f ms, one-patient quickstart run %.1f ms (load %s)\n",
              version * 1e3, quickstart * 1e3, load_average().c_str());
  fs::remove_all(dir);
  return 0;
}
