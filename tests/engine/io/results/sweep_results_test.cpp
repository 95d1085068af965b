// The /sweep group of a result file: the design (axes, units, unit-cube points and values), the
// per-point outputs recomputed here from the task datasets of the same file (outcome enums, means,
// Kaplan-Meier medians, final/min/max of trajectories across the 4096-row read blocks), the
// sensitivity groups, failed tasks, and the report read back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/io/results/sweep_results.hpp"
#include "engine/readout/survival.hpp"
#include "engine/run/runner.hpp"
#include "engine/sweep/sensitivity.hpp"
#include "engine/sweep/sweep_points.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/run_to_file.hpp"

namespace fs = std::filesystem;
using namespace icbsim;

namespace {

using icbsim::testing::registry;

fs::path run(const Scenario& s, const std::string& name, TaskRange range = {}) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "sweep_results";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  icbsim::testing::run_to_file(s, path, range);
  return path;
}

/// The Ishigami function f = sin x1 + 7 sin² x2 (x3 = 0) over a 3 x 2 grid.
Scenario ishigami_grid(const std::string& extra = "") {
  return load_scenario_text("model: ishigami\n"
                            "time: {end: 1 day, output_every: 1 day}\n" + extra +
                                "sweep:\n"
                                "  design: grid\n"
                                "  levels: 3\n"
                                "  axes:\n"
                                "    - {parameter: x1, distribution: uniform, min: -1, max: 1}\n"
                                "    - {parameter: x2, values: [0, 1]}\n"
                                "  outputs: [final:f, min:f, max:f]\n",
                            "ishigami_grid.yaml", registry());
}

std::vector<double> read_doubles(hid_t file, const std::string& path, std::vector<hsize_t>* dims = nullptr) {
  return h5::read_doubles(file, path, dims);
}

/// Per-task rows of a 2-D dataset.
std::vector<std::vector<double>> rows_of(hid_t file, const std::string& path) {
  std::vector<hsize_t> dims;
  const std::vector<double> flat = read_doubles(file, path, &dims);
  std::vector<std::vector<double>> rows(dims.at(0));
  for (hsize_t r = 0; r < dims[0]; ++r)
    rows[r].assign(flat.begin() + static_cast<std::ptrdiff_t>(r * dims[1]),
                   flat.begin() + static_cast<std::ptrdiff_t>((r + 1) * dims[1]));
  return rows;
}

}  // namespace

TEST_CASE("the sweep design is written with its axes units points and values", "[sweep][hdf5]") {
  const Scenario s = ishigami_grid();
  const fs::path path = run(s, "design.h5");
  const h5::Id file = h5::open_file_read(path.string());
  const h5::Id sweep(H5Gopen2(file.get(), "sweep", H5P_DEFAULT));
  CHECK(h5::read_string_attribute(sweep.get(), "design") == "grid");
  CHECK(h5::read_string_attribute(sweep.get(), "axes") == "x1,x2");
  CHECK(h5::read_string_attribute(sweep.get(), "axis_units") == "1,1");
  CHECK(h5::read_double_attribute(sweep.get(), "points") == 6.0);
  CHECK(h5::read_double_attribute(sweep.get(), "patients_per_point") == 1.0);
  // Grid cells' midpoints, first axis slowest: x1 at u = 1/6, 1/2, 5/6 of [-1, 1]; x2 at u = 1/4, 3/4.
  std::vector<hsize_t> dims;
  const std::vector<double> unit = read_doubles(file.get(), "/sweep/unit", &dims);
  CHECK(dims == std::vector<hsize_t>{6, 2});
  const std::vector<double> values = read_doubles(file.get(), "/sweep/values", &dims);
  CHECK(dims == std::vector<hsize_t>{6, 2});
  const double x1[] = {-2.0 / 3, -2.0 / 3, 0, 0, 2.0 / 3, 2.0 / 3};
  const double x2[] = {0, 1, 0, 1, 0, 1};
  for (std::size_t i = 0; i < 6; ++i) {
    INFO("point " << i);
    CHECK(unit[2 * i] == Approx(static_cast<double>(2 * (i / 2) + 1) / 6.0));
    CHECK(unit[2 * i + 1] == Approx(i % 2 == 0 ? 0.25 : 0.75));
    CHECK(values[2 * i] == Approx(x1[i]).margin(1e-15));
    CHECK(values[2 * i + 1] == x2[i]);
  }
  const h5::Id ds(H5Dopen2(file.get(), "/sweep/values", H5P_DEFAULT));
  CHECK(h5::read_string_attribute(ds.get(), "axis_units") == "1,1");  // one unit per column
  CHECK(H5Aexists(ds.get(), "units") == 0);
}

TEST_CASE("trajectory outputs and their sensitivity are written per arm", "[sweep][hdf5]") {
  const Scenario s = ishigami_grid();
  const fs::path path = run(s, "trajectory_outputs.h5");
  const h5::Id file = h5::open_file_read(path.string());
  CHECK(h5::list_group(file.get(), "/sweep/outputs") == std::vector<std::string>{"all"});
  const std::vector<double> values = read_doubles(file.get(), "/sweep/values");
  for (const char* output : {"final:f", "min:f", "max:f"}) {
    INFO(output);
    const std::vector<double> f = read_doubles(file.get(), std::string("/sweep/outputs/all/") + output);
    REQUIRE(f.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
      const double x1 = values[2 * i], x2 = values[2 * i + 1];
      CHECK(f[i] == Approx(std::sin(x1) + 7 * std::sin(x2) * std::sin(x2)).margin(1e-12));
    }
    // The observable's unit ("1"), like every dataset's.
    const h5::Id ds(H5Dopen2(file.get(), (std::string("/sweep/outputs/all/") + output).c_str(), H5P_DEFAULT));
    CHECK(h5::read_string_attribute(ds.get(), "units") == "1");
    const std::string group = std::string("/sweep/sensitivity/all/") + output;
    const h5::Id g(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT));
    CHECK(h5::read_string_attribute(g.get(), "method") == "partial rank correlation coefficients (Marino 2008)");
    const std::vector<double> prcc = read_doubles(file.get(), group + "/prcc");
    REQUIRE(prcc.size() == 2);
    CHECK(prcc[0] > 0.0);  // f rises with x1 and with x2 on these points
    CHECK(prcc[1] > 0.0);
  }
  const std::string report = read_sweep_report(path.string());
  const h5::Id sweep(H5Gopen2(file.get(), "sweep", H5P_DEFAULT));
  CHECK(report == h5::read_string_attribute(sweep.get(), "report"));
  CHECK(report.find("\nfinal:f\n  axis  PRCC\n  x1    ") != std::string::npos);
  CHECK(report.find("\nmax:f\n") != std::string::npos);
}

TEST_CASE("readout outputs are recomputed from the outcome datasets of the same file", "[sweep][hdf5]") {
  const Scenario s = load_scenario_text(
      "model: kuznetsov1994\n"
      "initial: {E: 3.2e5 cells, T: 5e6 cells}\n"
      "time: {end: 1 year, output_every: 14 days}\n"
      "solver: {rtol: 1e-8, atol: 1e-6}\n"
      "tumour: {size: T, cells_per_ml: 1e6, lesions: [{organ: lung, share: 1}], measurement_cv: 0.05}\n"
      "scans: {baseline: 0 day, every: 6 weeks}\n"
      "population:\n"
      "  size: 8\n"
      "  distributions:\n"
      "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.4}\n"
      "    T: {distribution: loguniform, min: 1e6 cells, max: 2e7 cells}\n"
      "sweep:\n"
      "  design: grid\n"
      "  axes: [{parameter: a, scale: true, values: [0.5, 1.5]}]\n"
      "  outputs: [orr, dcr, primary_resistance_rate, hyperprogression_rate, best_change_pct, median_pfs_days,\n"
      "            final:T, min:T, max:E]\n"
      "seed: 8\n",
      "readout_sweep.yaml", registry());
  const fs::path path = run(s, "readout_outputs.h5");
  const h5::Id file = h5::open_file_read(path.string());
  const hid_t f = file.get();
  const std::vector<std::string> best = h5::read_enum_names(f, "/outcomes/best_response");
  const std::vector<std::string> sitc = h5::read_enum_names(f, "/outcomes/sitc_class");
  const std::vector<int> hyper = h5::read_enum_codes(f, "/outcomes/hyperprogression");
  const std::vector<int> status = h5::read_enum_codes(f, "/outcomes/status");
  const std::vector<double> change = read_doubles(f, "/outcomes/best_change_pct");
  const std::vector<double> pfs = read_doubles(f, "/outcomes/pfs_days");
  const std::vector<int> pfs_event = h5::read_enum_codes(f, "/outcomes/pfs_event");
  const auto t = rows_of(f, "/trajectories/T"), e = rows_of(f, "/trajectories/E");
  REQUIRE(best.size() == 16);
  CHECK(std::count(status.begin(), status.end(), 0) == 16);
  std::size_t responders = 0;
  for (std::size_t point = 0; point < 2; ++point) {
    INFO("point " << point);
    double orr = 0, dcr = 0, resistant = 0, hyperprogressing = 0, mean_change = 0, final_t = 0, min_t = 0, max_e = 0;
    std::vector<readout::SurvivalTime> times;
    for (std::size_t patient = 0; patient < 8; ++patient) {
      const std::size_t task = point * 8 + patient;
      orr += (best[task] == "CR" || best[task] == "PR") / 8.0;
      dcr += (best[task] == "CR" || best[task] == "PR" || best[task] == "SD") / 8.0;
      resistant += (sitc[task] == "primary_resistance") / 8.0;
      hyperprogressing += (hyper[task] != 0) / 8.0;
      mean_change += change[task] / 8.0;
      final_t += t[task].back() / 8.0;
      min_t += *std::min_element(t[task].begin(), t[task].end()) / 8.0;
      max_e += *std::max_element(e[task].begin(), e[task].end()) / 8.0;
      times.push_back({pfs[task], pfs_event[task] != 0});
      responders += best[task] == "CR" || best[task] == "PR";
    }
    const auto value = [&](const char* output) {
      return read_doubles(f, std::string("/sweep/outputs/all/") + output).at(point);
    };
    CHECK(value("orr") == Approx(orr));
    CHECK(value("dcr") == Approx(dcr));
    CHECK(value("primary_resistance_rate") == Approx(resistant));
    CHECK(value("hyperprogression_rate") == Approx(hyperprogressing));
    CHECK(value("best_change_pct") == Approx(mean_change));
    CHECK(value("final:T") == Approx(final_t));
    CHECK(value("min:T") == Approx(min_t));
    CHECK(value("max:E") == Approx(max_e));
    const auto median = readout::median_survival(readout::kaplan_meier(times)).median;
    if (median) CHECK(value("median_pfs_days") == Approx(*median));
    else CHECK(std::isnan(value("median_pfs_days")));
  }
  // Half the growth rate and 1.5 times it: the fixture is not degenerate.
  CHECK(responders > 0);
  CHECK(responders < 16);
  const h5::Id ds(H5Dopen2(f, "/sweep/outputs/all/median_pfs_days", H5P_DEFAULT));
  CHECK(h5::read_string_attribute(ds.get(), "units") == "day");
  const h5::Id final_t(H5Dopen2(f, "/sweep/outputs/all/final:T", H5P_DEFAULT));
  CHECK(h5::read_string_attribute(final_t.get(), "units") == "cells");
}

TEST_CASE("Saltelli and Morris sweeps write their indices and settings", "[sweep][hdf5]") {
  const std::string axes = "  axes:\n"
                           "    - {parameter: x1, distribution: uniform, min: -3, max: 3}\n"
                           "    - {parameter: x2, distribution: uniform, min: -3, max: 3}\n"
                           "    - {parameter: x3, distribution: uniform, min: -3, max: 3}\n"
                           "  outputs: [final:f]\n"
                           "seed: 4\n";
  SECTION("Saltelli: the indices of the file's own outputs, intervals at the asked level") {
    const Scenario s = load_scenario_text("model: ishigami\ntime: {end: 1 day, output_every: 1 day}\n"
                                          "sweep:\n  design: saltelli\n  samples: 64\n  bootstrap: {resamples: 30, level: 0.8}\n" +
                                              axes,
                                          "saltelli.yaml", registry());
    const fs::path path = run(s, "saltelli.h5");
    const h5::Id file = h5::open_file_read(path.string());
    const std::vector<double> y = read_doubles(file.get(), "/sweep/outputs/all/final:f");
    REQUIRE(y.size() == 64 * 5);
    const sweep::SobolIndices expected =
        sweep::sobol_indices(sweep::split_saltelli_outputs(Eigen::Map<const Eigen::VectorXd>(y.data(), 320), 3));
    const std::string group = "/sweep/sensitivity/all/final:f";
    const std::vector<double> first = read_doubles(file.get(), group + "/first");
    const std::vector<double> total = read_doubles(file.get(), group + "/total");
    const std::vector<double> first_lower = read_doubles(file.get(), group + "/first_lower");
    const std::vector<double> first_upper = read_doubles(file.get(), group + "/first_upper");
    const std::vector<double> total_lower = read_doubles(file.get(), group + "/total_lower");
    const std::vector<double> total_upper = read_doubles(file.get(), group + "/total_upper");
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("axis " << i);
      CHECK(first[i] == Approx(expected.first(static_cast<Eigen::Index>(i))).epsilon(1e-12));
      CHECK(total[i] == Approx(expected.total(static_cast<Eigen::Index>(i))).epsilon(1e-12));
      CHECK(first_lower[i] <= first_upper[i]);
      CHECK(total_lower[i] <= total_upper[i]);
    }
    const h5::Id g(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT));
    CHECK(h5::read_double_attribute(g.get(), "level") == 0.8);
    CHECK(h5::read_double_attribute(g.get(), "resamples") == 30.0);
    CHECK(h5::read_double_attribute(g.get(), "variance") == Approx(expected.variance).epsilon(1e-12));
    CHECK_THAT(h5::read_string_attribute(g.get(), "method"), Catch::StartsWith("Sobol' indices"));
    CHECK_FALSE(h5::exists(file.get(), group + "/prcc"));
  }
  SECTION("Morris: mu*, mu and sigma of the design rebuilt from (spec, seed)") {
    const Scenario s = load_scenario_text("model: ishigami\ntime: {end: 1 day, output_every: 1 day}\n"
                                          "sweep:\n  design: morris\n  samples: 6\n  levels: 4\n" + axes,
                                          "morris.yaml", registry());
    const fs::path path = run(s, "morris.h5");
    const h5::Id file = h5::open_file_read(path.string());
    const std::vector<double> y = read_doubles(file.get(), "/sweep/outputs/all/final:f");
    REQUIRE(y.size() == 6 * 4);
    const sweep::SweepPoints points = sweep::make_sweep_points(*s.sweep, s.seed);
    const sweep::MorrisIndices expected =
        sweep::morris_indices(*points.morris, Eigen::Map<const Eigen::VectorXd>(y.data(), 24));
    const std::string group = "/sweep/sensitivity/all/final:f";
    const std::vector<double> mu_star = read_doubles(file.get(), group + "/mu_star");
    const std::vector<double> mu = read_doubles(file.get(), group + "/mu");
    const std::vector<double> sigma = read_doubles(file.get(), group + "/sigma");
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("axis " << i);
      const auto k = static_cast<Eigen::Index>(i);
      CHECK(mu_star[i] == Approx(expected.mu_star(k)).epsilon(1e-12));
      CHECK(mu[i] == Approx(expected.mu(k)).epsilon(1e-12));
      CHECK(sigma[i] == Approx(expected.sigma(k)).epsilon(1e-12));
    }
    CHECK(mu_star[1] > 0.0);  // sin² x2 moves f
    const h5::Id g(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT));
    CHECK(h5::read_string_attribute(g.get(), "method") == "Morris elementary effects (Campolongo 2007 mu*)");
  }
}

TEST_CASE("failed tasks give no value and the sensitivity says why", "[sweep][hdf5]") {
  // One solver step cannot cover a day: every task fails.
  const Scenario s = ishigami_grid("solver: {max_steps: 1}\n");
  const fs::path path = run(s, "failed.h5");
  const h5::Id file = h5::open_file_read(path.string());
  const std::vector<int> status = h5::read_enum_codes(file.get(), "/outcomes/status");
  REQUIRE(status.size() == 6);
  REQUIRE(std::count(status.begin(), status.end(), 0) == 0);
  for (const char* output : {"final:f", "max:f"}) {
    INFO(output);
    for (double v : read_doubles(file.get(), std::string("/sweep/outputs/all/") + output)) CHECK(std::isnan(v));
    const h5::Id g(H5Gopen2(file.get(), (std::string("/sweep/sensitivity/all/") + output).c_str(), H5P_DEFAULT));
    CHECK_THAT(h5::read_string_attribute(g.get(), "not_computed"), Catch::StartsWith("no value at point 0"));
    CHECK_FALSE(h5::exists(file.get(), std::string("/sweep/sensitivity/all/") + output + "/prcc"));
  }
  CHECK(read_sweep_report(path.string()).find("not computed: no value at point 0") != std::string::npos);
}

TEST_CASE("final min and max read trajectories across the 4096-row blocks", "[sweep][hdf5]") {
  // 4100 points of x1 (x2 = x3 = 0, so f = sin x1): the last rows lie in a second block.
  const Scenario s = load_scenario_text("model: ishigami\n"
                                        "time: {end: 1 day, output_every: 1 day}\n"
                                        "sweep:\n"
                                        "  design: grid\n"
                                        "  levels: 4100\n"
                                        "  axes: [{parameter: x1, distribution: uniform, min: -3, max: 3}]\n"
                                        "  outputs: [final:f, min:f]\n",
                                        "blocks.yaml", registry());
  const fs::path path = run(s, "blocks.h5");
  const h5::Id file = h5::open_file_read(path.string());
  const std::vector<double> x1 = read_doubles(file.get(), "/sweep/values");
  const std::vector<double> last = read_doubles(file.get(), "/sweep/outputs/all/final:f");
  const std::vector<double> least = read_doubles(file.get(), "/sweep/outputs/all/min:f");
  REQUIRE(x1.size() == 4100);
  REQUIRE(last.size() == 4100);
  for (std::size_t i : {std::size_t{0}, std::size_t{4095}, std::size_t{4096}, std::size_t{4099}}) {
    INFO("point " << i);
    CHECK(last[i] == Approx(std::sin(x1[i])).margin(1e-12));
    CHECK(least[i] == Approx(std::sin(x1[i])).margin(1e-12));
  }
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < x1.size(); ++i) mismatches += std::abs(last[i] - std::sin(x1[i])) > 1e-12;
  CHECK(mismatches == 0);
}

TEST_CASE("a sweep report is read back only where one was written", "[sweep][hdf5]") {
  const Scenario s = ishigami_grid();
  // A slice of the sweep is analysed only once merged: no report yet.
  const fs::path slice = run(s, "slice.h5", TaskRange{0, 3});
  CHECK(read_sweep_report(slice.string()).empty());
  const h5::Id file = h5::open_file_read(slice.string());
  CHECK(h5::exists(file.get(), "/sweep/values"));
  CHECK_FALSE(h5::exists(file.get(), "/sweep/outputs"));
  // A run without a sweep.
  const Scenario single = load_scenario_text("model: ishigami\ntime: {end: 1 day, output_every: 1 day}\n", "single.yaml", registry());
  CHECK(read_sweep_report(run(single, "single.h5").string()).empty());
  CHECK_THROWS(read_sweep_report((fs::temp_directory_path() / "icbsim_tests" / "no_such_file.h5").string()));
}
