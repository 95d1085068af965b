// Cohorts: the same scenario gives identical datasets for any thread count and when run as two
// slices by task range; sampled parameters follow their distributions and correlations.
#include <catch2/catch.hpp>

#include <omp.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;

namespace {

using icbsim::testing::registry;

icbsim::Scenario cohort() {
  const fs::path path = fs::path(ICBSIM_SOURCE_DIR) / "tests/data/kuznetsov_cohort.yaml";
  return icbsim::load_scenario_file(path.string(), registry());
}

fs::path run(const icbsim::Scenario& s, const std::string& name, int threads, icbsim::TaskRange range = {}) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  const int before = omp_get_max_threads();
  omp_set_num_threads(threads);
  {
    icbsim::testing::run_to_file(s, path, range);
  }
  omp_set_num_threads(before);
  return path;
}

}  // namespace

TEST_CASE("a cohort gives identical datasets on 1 and 2 threads", "[run][cohort][determinism]") {
  const auto s = cohort();
  const auto one = icbsim::testing::datasets(run(s, "cohort_1.h5", 1));
  const auto two = icbsim::testing::datasets(run(s, "cohort_2.h5", 2));
  REQUIRE(one.size() > 20);
  CHECK(one == two);
  // 60 patients x 2 arms.
  CHECK(one.at("tasks/arm").size() == 120);
}

TEST_CASE("a cohort run as two slices reproduces the whole run's rows", "[run][cohort][determinism]") {
  const auto s = cohort();
  const auto whole = icbsim::testing::datasets(run(s, "cohort_whole.h5", 2));
  const auto first = icbsim::testing::datasets(run(s, "cohort_a.h5", 2, {0, 50}));
  const auto second = icbsim::testing::datasets(run(s, "cohort_b.h5", 2, {50, 120}));
  for (const auto& [name, bytes] : whole) {
    if (name == "time" || name.rfind("scans/time", 0) == 0 || name.rfind("doses", 0) == 0) continue;
    INFO(name);
    const auto& a = first.at(name);
    const auto& b = second.at(name);
    REQUIRE(a.size() + b.size() == bytes.size());
    CHECK(std::equal(a.begin(), a.end(), bytes.begin()));
    CHECK(std::equal(b.begin(), b.end(), bytes.begin() + static_cast<std::ptrdiff_t>(a.size())));
  }
}

TEST_CASE("sampled parameters follow their distributions and correlation", "[run][cohort]") {
  auto s = cohort();
  s.population->size = 4000;
  s.arms.resize(1);
  const icbsim::Plan plan(s);
  const auto a_index = static_cast<std::size_t>(s.model->parameter_index("a"));
  const auto s_index = static_cast<std::size_t>(s.model->parameter_index("s"));
  std::vector<double> log_a, sv;
  std::size_t carriers = 0;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    icbsim::TaskLabel label;
    const auto task = plan.task(i, &label);
    log_a.push_back(std::log(task.parameters[a_index]));
    sv.push_back(task.parameters[s_index]);
    carriers += label.carries[0] ? 1 : 0;
  }
  auto mean = [](const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m += x;
    return m / static_cast<double>(v.size());
  };
  const double ma = mean(log_a), ms = mean(sv);
  double va = 0, vs = 0, cov = 0;
  for (std::size_t i = 0; i < sv.size(); ++i) {
    va += (log_a[i] - ma) * (log_a[i] - ma);
    vs += (sv[i] - ms) * (sv[i] - ms);
    cov += (log_a[i] - ma) * (sv[i] - ms);
  }
  // Log-normal: median 0.18, σ² = ln(1 + 0.2²); normal s: mean 1.3e4, sd 3e3 (truncation at 0 is
  // 4.3 sd away). Tolerances are 4 standard errors at n = 4000.
  CHECK(std::exp(ma) == Approx(0.18).epsilon(4 * std::sqrt(std::log1p(0.04)) / std::sqrt(4000.0)));
  CHECK(std::sqrt(va / 4000) == Approx(std::sqrt(std::log1p(0.04))).epsilon(4 / std::sqrt(2 * 4000.0)));
  CHECK(ms == Approx(1.3e4).margin(4 * 3e3 / std::sqrt(4000.0)));
  CHECK(cov / std::sqrt(va * vs) == Approx(0.5).margin(4 * 0.75 / std::sqrt(4000.0)));
  CHECK(static_cast<double>(carriers) / 4000 == Approx(0.3).margin(4 * std::sqrt(0.21 / 4000)));
}
