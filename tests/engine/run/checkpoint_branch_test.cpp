// Branching a checkpoint: the branch that continues the checkpointed treatment is the straight run
// exactly; other branches share the history before the checkpoint bit for bit and differ after it;
// branch files that would change the history are refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "engine/core/errors.hpp"
#include "engine/io/checkpoint/checkpoint_file.hpp"
#include "engine/io/checkpoint/checkpoint_loader.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/h5/hdf5_handle.hpp"
#include "engine/io/results/result_writer.hpp"
#include "engine/run/checkpoint.hpp"
#include "engine/run/execute_task.hpp"
#include "engine/run/runner.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"
#include "tests/support/run_to_file.hpp"
#include "tests/support/text_files.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

using icbsim::testing::registry;

const fs::path kData = fs::path(ICBSIM_SOURCE_DIR) / "tests/data/checkpoints";

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "branches";
  fs::create_directories(dir);
  return dir;
}

icbsim::Scenario patient(const std::string& from = "", const std::string& to = "") {
  std::string text = icbsim::testing::read_text(kData / "nsclc_pembrolizumab.yaml");
  if (!from.empty()) text.replace(text.find(from), from.size(), to);
  return icbsim::load_scenario_text(text, "nsclc_pembrolizumab.yaml", registry());
}

fs::path run(const icbsim::Scenario& s, const std::string& name) {
  const fs::path path = folder() / name;
  icbsim::testing::run_to_file(s, path);
  return path;
}

fs::path checkpoint(const icbsim::Scenario& s, const std::string& name) {
  const fs::path path = folder() / name;
  icbsim::write_checkpoint_file(path.string(), icbsim::take_checkpoint(s, 84.0), s);
  return path;
}

fs::path write(const std::string& name, const std::string& text) {
  const fs::path path = folder() / name;
  std::ofstream(path) << text;
  return path;
}

/// A [task, time] dataset.
std::vector<double> matrix(const fs::path& file, const std::string& path, std::size_t& columns) {
  icbsim::h5::Id f = icbsim::h5::open_file_read(file.string());
  std::vector<hsize_t> dims;
  auto values = icbsim::h5::read_doubles(f.get(), path, &dims);
  columns = dims.size() == 2 ? dims[1] : 1;
  return values;
}

bool is_row_dataset(const std::string& path) {
  for (const char* group : {"trajectories/", "parameters/", "outcomes/", "scans/"})
    if (path.rfind(group, 0) == 0) return path != "scans/time";
  return false;
}

}  // namespace

TEST_CASE("branching: the continuing branch is the straight run and the others share its history", "[run][checkpoint][branch]") {
  const icbsim::Scenario s = patient();
  const fs::path straight_file = run(s, "straight.h5");
  const fs::path file = checkpoint(s, "checkpoint.h5");
  const icbsim::Scenario branch = icbsim::load_branch_scenario(file.string(), (kData / "branches.yaml").string(), registry());
  REQUIRE(branch.arms.size() == 3);
  const fs::path branch_file = run(branch, "branches.h5");

  // Arm 0 (continue) of patient 0 is row 0: every per-task dataset of the straight run, byte for byte.
  const auto straight = icbsim::testing::datasets(straight_file);
  const auto branched = icbsim::testing::datasets(branch_file);
  std::size_t compared = 0;
  for (const auto& [path, bytes] : straight) {
    if (!is_row_dataset(path)) continue;
    INFO(path);
    const auto& b = branched.at(path);
    REQUIRE(b.size() == 3 * bytes.size());
    CHECK(std::equal(bytes.begin(), bytes.end(), b.begin()));
    ++compared;
  }
  CHECK(compared > 200);

  // The other arms: identical before day 84 in every trajectory, different after it.
  std::size_t n = 0;
  for (const auto& v : s.model->variables) {
    INFO(v.name);
    const auto values = matrix(branch_file, "trajectories/" + std::string(v.name), n);
    REQUIRE(n == 367);  // days 0 to 365 and the end, 365.25
    for (std::size_t arm = 1; arm < 3; ++arm)
      for (std::size_t t = 0; t < 84; ++t) REQUIRE(values[arm * n + t] == values[t]);
  }
  const auto pd1 = matrix(branch_file, "trajectories/pd1_a1", n);
  const auto docetaxel = matrix(branch_file, "trajectories/cyto1_a1", n);
  const auto diameter = matrix(branch_file, "trajectories/tumour_diameter", n);
  CHECK(pd1[1 * n + 120] < pd1[0 * n + 120]);  // no more pembrolizumab in the stop arm
  CHECK(docetaxel[2 * n + 83] == 0.0);
  CHECK(docetaxel[2 * n + 85] > 0.0);           // docetaxel from day 84 in the third arm
  CHECK(pd1[2 * n + 120] < pd1[0 * n + 120]);
  CHECK(diameter[1 * n + 366] != diameter[0 * n + 366]);
  CHECK(diameter[2 * n + 366] != diameter[0 * n + 366]);

  // Every task is patient 0; the trial report compares the three arms.
  const auto patients = matrix(branch_file, "tasks/patient", n);
  CHECK(patients == std::vector<double>{0, 0, 0});
  icbsim::h5::Id f = icbsim::h5::open_file_read(branch_file.string());
  const std::string report = icbsim::h5::read_string_attribute(f.get(), "report");
  CHECK_THAT(report, Contains("docetaxel"));
}

TEST_CASE("branching a cohort: every checkpointed patient in every arm with the patient's own streams", "[run][checkpoint][branch]") {
  const icbsim::Scenario s = patient("seed: 11", R"(seed: 11
population:
  size: 3
  distributions:
    tumour_growth_rate: {distribution: lognormal, median: 0.0115 1/day, cv: 0.3})");
  const fs::path straight_file = run(s, "cohort_straight.h5");
  const fs::path branch_file =
      run(icbsim::load_branch_scenario(checkpoint(s, "cohort_checkpoint.h5").string(), (kData / "branches.yaml").string(), registry()),
          "cohort_branches.h5");
  std::size_t n = 0, scans = 0;
  const auto straight = matrix(straight_file, "trajectories/tumour_diameter", n);
  const auto branched = matrix(branch_file, "trajectories/tumour_diameter", n);
  const auto straight_sld = matrix(straight_file, "scans/sld_mm", scans);
  const auto branched_sld = matrix(branch_file, "scans/sld_mm", scans);
  REQUIRE(branched.size() == 9 * n);
  for (std::size_t p = 0; p < 3; ++p) {
    INFO("patient " << p);
    const std::size_t row = p * 3;  // (patient p, arm continue)
    CHECK(std::equal(straight.begin() + static_cast<std::ptrdiff_t>(p * n), straight.begin() + static_cast<std::ptrdiff_t>((p + 1) * n),
                     branched.begin() + static_cast<std::ptrdiff_t>(row * n)));
    CHECK(std::equal(straight_sld.begin() + static_cast<std::ptrdiff_t>(p * scans),
                     straight_sld.begin() + static_cast<std::ptrdiff_t>((p + 1) * scans),
                     branched_sld.begin() + static_cast<std::ptrdiff_t>(row * scans)));
  }
  CHECK(straight[0 * n + 366] != straight[1 * n + 366]);  // the patients differ
}

TEST_CASE("a branch's stop rule never cancels the doses of the history", "[run][checkpoint][branch]") {
  // Without antigenicity pembrolizumab cannot help a fast tumour: it progresses at the first scan.
  const icbsim::Scenario s = patient("initial:", "parameters: {antigenicity: 0, tumour_growth_rate: 0.04}\ninitial:");
  const fs::path file = checkpoint(s, "progressing_checkpoint.h5");
  const fs::path branches = write("stop_at_progression.yaml", R"(arms:
  stop_at_progression: {treatment: {drugs: [{drug: pembrolizumab, regimen: 200mg_q3w}], stop: progression}}
)");
  const icbsim::Scenario branch = icbsim::load_branch_scenario(file.string(), branches.string(), registry());
  const icbsim::Plan plan(branch);
  const auto result = icbsim::execute_task(branch, plan, 0);
  REQUIRE(result.ok);
  REQUIRE(result.readout->progression_day);
  REQUIRE(*result.readout->progression_day < 84.0);
  const auto input = plan.task(0);
  const auto history = static_cast<std::size_t>(
      std::count_if(input.doses.begin(), input.doses.end(), [](const icbsim::DoseEvent& d) { return d.time < 84.0; }));
  CHECK(history == 4);                       // days 0, 21, 42 and 63
  CHECK(result.doses_given == history);      // given as in the history; none of the branch's
  CHECK(result.output.resumed);              // the history is the checkpoint's
}

TEST_CASE("branch files that would change the history are refused with their location", "[run][checkpoint][branch][bad-input]") {
  const fs::path file = checkpoint(patient(), "bad_checkpoint.h5");
  auto load = [&](const std::string& name, const std::string& text) {
    return icbsim::load_branch_scenario(file.string(), write(name, text).string(), registry());
  };
  CHECK_THROWS_WITH(load("phenotype.yaml", "arms:\n  a: {phenotypes: [b2m_loss]}\n"),
                    Contains("phenotype.yaml:2:7") && Contains("a branch changes the treatment only"));
  CHECK_THROWS_WITH(load("at.yaml", "at: 90 day\narms:\n  a: {}\n"), Contains("at.yaml:1:5") && Contains("is at day 84"));
  CHECK_THROWS_WITH(load("no_arms.yaml", "arms: {}\n"), Contains("at least one branch"));
  CHECK_THROWS_WITH(load("misspelt.yaml", "armz:\n  a: {}\n"), Contains("did you mean 'arms'"));
  CHECK_THROWS_WITH(load("drug.yaml", "arms:\n  a: {treatment: {drugs: [{drug: pembrolizumap}]}}\n"), Contains("drug.yaml:2"));

  const icbsim::Scenario two_arms = patient("seed: 11", "seed: 11\narms: {a: {}, b: {}}");
  const fs::path two = checkpoint(two_arms, "two_arms_checkpoint.h5");
  CHECK_THROWS_WITH(icbsim::load_branch_scenario(two.string(), (kData / "branches.yaml").string(), registry()),
                    Contains("has 2 arms"));
}
