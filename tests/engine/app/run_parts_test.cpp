// engine/app/run_parts.cpp in-process: the parts folder, runs split into parts and merged, an
// interruption that keeps the finished parts, and a resume that skips them (and reruns a part
// left interrupted) to the datasets of an uninterrupted run.
#include <catch2/catch.hpp>

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/app/run_parts.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_writer.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"

namespace fs = std::filesystem;
using namespace icbsim;

namespace {

using icbsim::testing::registry;

/// A Kuznetsov cohort of 4 patients in 2 paired arms: 8 tasks.
Scenario small_cohort() {
  return load_scenario_text("model: kuznetsov1994\n"
                            "initial: {E: 3.2e5 cells, T: 5e6 cells}\n"
                            "time: {end: 60 days, output_every: 7 days}\n"
                            "population:\n"
                            "  size: 4\n"
                            "  distributions:\n"
                            "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}\n"
                            "arms: {reference: {}, low: {phenotypes: [low_tmb]}}\n"
                            "seed: 3\n",
                            "parts.yaml", registry());
}

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "run_parts" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> files_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("the parts of OUT live in OUT.parts", "[app][parts]") {
  const fs::path dir = fresh("folder");
  const std::string out = (dir / "run.h5").string();
  CHECK(app::parts_folder(out) == out + ".parts");
  CHECK(app::parts_folder("run") == "run.parts");
  CHECK_FALSE(app::has_parts(out));
  std::ofstream(out + ".parts") << "a file, not a folder";
  CHECK_FALSE(app::has_parts(out));
  fs::remove(out + ".parts");
  fs::create_directories(out + ".parts");
  CHECK(app::has_parts(out));
  CHECK(app::kDefaultPartTasks % 4096 == 0);
}

TEST_CASE("a run in parts merges into the datasets of a run in one part", "[app][parts]") {
  const fs::path dir = fresh("whole");
  const Scenario s = small_cohort();
  const std::string one = (dir / "one.h5").string(), three = (dir / "three.h5").string();
  const RunReport whole = app::run_in_parts(s, one, 100, registry(), {}, nullptr);
  CHECK(whole.tasks == 8);
  CHECK(whole.not_run == 0);
  CHECK(whole.failed == 0);
  std::vector<std::size_t> seen;
  const RunReport parts = app::run_in_parts(
      s, three, 3, registry(),
      [&](std::size_t done, std::size_t total) {
        CHECK(total == 8);
        seen.push_back(done);
      },
      nullptr);
  CHECK(parts.tasks == 8);
  CHECK(parts.not_run == 0);
  // Progress counts over the whole run, across parts (3 + 3 + 2 tasks).
  CHECK(seen == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8});
  CHECK_FALSE(app::has_parts(three));  // the folder is removed once merged
  CHECK_FALSE(app::has_parts(one));
  const auto a = testing::datasets(one), b = testing::datasets(three);
  REQUIRE(a.count("trajectories/T") == 1);
  CHECK(a == b);
  CHECK_THROWS_AS(app::run_in_parts(s, (dir / "zero.h5").string(), 0, registry(), {}, nullptr), ScenarioError);
  CHECK_THROWS_WITH(app::run_in_parts(s, (dir / "zero.h5").string(), 0, registry(), {}, nullptr),
                    Catch::Contains("--part-size must be at least 1"));
}

TEST_CASE("an interrupted run keeps its finished parts and a resume completes it", "[app][parts][resume]") {
  const fs::path dir = fresh("resume");
  const Scenario s = small_cohort();
  const std::string out = (dir / "run.h5").string();
  const std::string folder = app::parts_folder(out);
  // Interrupt as soon as the first part (tasks 0-2) is complete.
  std::atomic<bool> interrupt{false};
  const RunReport first = app::run_in_parts(
      s, out, 3, registry(),
      [&](std::size_t done, std::size_t) {
        if (done >= 3) interrupt = true;
      },
      &interrupt);
  CHECK(first.not_run == 5);  // the second part ran nothing, the third never started
  CHECK_FALSE(fs::exists(out));
  REQUIRE(app::has_parts(out));
  // Exactly the finished part carries a part name; the interrupted one says so.
  CHECK(files_in(folder) ==
        std::vector<std::string>{"part-000000000000-000000000003.h5", "part-000000000003-000000000006.interrupted.h5"});

  // A part killed mid-write leaves its .partial file: it runs again, whole.
  std::ofstream(fs::path(folder) / "part-000000000006-000000000008.h5.partial") << "killed";
  std::vector<std::size_t> seen;
  const RunReport resumed = app::run_in_parts(
      s, out, 3, registry(), [&](std::size_t done, std::size_t) { seen.push_back(done); }, nullptr);
  CHECK(resumed.not_run == 0);
  CHECK(resumed.tasks == 8);
  CHECK(resumed.threads == omp_get_max_threads());
  CHECK(seen.front() == 4);  // the finished part counts as done from the start
  CHECK(seen.back() == 8);
  CHECK(seen.size() == 5);
  CHECK_FALSE(app::has_parts(out));

  const std::string whole = (dir / "whole.h5").string();
  app::run_in_parts(s, whole, 100, registry(), {}, nullptr);
  CHECK(testing::datasets(out) == testing::datasets(whole));
}
