// engine/app/run_scenario in-process: a run split over two ranks of a stand-in RankGroup, shards
// merged, and a slice of tasks all give the datasets of one whole run; the quickstart loads.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/app/run_scenario.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "engine/io/results/result_merger.hpp"
#include "tests/support/builtin_registry.hpp"
#include "tests/support/hdf5_datasets.hpp"

namespace fs = std::filesystem;
using namespace icbsim;
using icbsim::testing::registry;

namespace {

/// Rank `rank` of `size` processes of which only this one exists: barriers return at once, so
/// running the ranks one after another (highest first) stands in for an MPI job.
class SequentialRank final : public app::RankGroup {
 public:
  SequentialRank(int rank, int size) : rank_(rank), size_(size) {}
  int rank() const override { return rank_; }
  int size() const override { return size_; }
  void barrier() const override {}
  int max(int value) const override { return value; }

 private:
  int rank_, size_;
};

Scenario small_cohort(const fs::path& output) {
  Scenario s = load_scenario_text(
      "model: kuznetsov1994\n"
      "initial: {E: 3.2e5 cells, T: 5e6 cells}\n"
      "time: {end: 60 days, output_every: 7 days}\n"
      "population:\n"
      "  size: 5\n"
      "  distributions:\n"
      "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}\n"
      "arms: {reference: {}, low: {phenotypes: [low_tmb]}}\n"
      "seed: 11\n",
      "ranks.yaml", registry());
  s.output_path = output.string();
  return s;
}

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "icbsim_tests" / "run_scenario" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a run over two ranks, and two shards merged, equal one whole run", "[app][ranks]") {
  const fs::path dir = fresh("ranks");
  const app::RunOutcome whole =
      app::run_scenario(small_cohort(dir / "whole.h5"), {}, registry(), app::SingleProcess{}, {});
  CHECK(whole.holds_result);
  CHECK(whole.report.tasks == 10);

  const Scenario split = small_cohort(dir / "split.h5");
  const app::RunOutcome second = app::run_scenario(split, {}, registry(), SequentialRank(1, 2), {});
  CHECK_FALSE(second.holds_result);
  CHECK(fs::exists(dir / "split.h5.rank1.h5"));
  const app::RunOutcome first = app::run_scenario(split, {}, registry(), SequentialRank(0, 2), {});
  CHECK(first.holds_result);
  CHECK(first.ranks == 2);
  CHECK(first.report.tasks == 10);
  CHECK_FALSE(fs::exists(dir / "split.h5.rank1.h5"));  // rank 0 removes the shards it merged
  CHECK(testing::datasets(dir / "split.h5") == testing::datasets(dir / "whole.h5"));

  std::vector<std::string> shards;
  for (std::size_t i = 0; i < 3; ++i) {
    app::RunRequest request;
    request.shard = app::ShardIndex{i, 3};
    request.output_typed = true;  // the scenario's output names the shard, as -o would
    shards.push_back((dir / ("shard" + std::to_string(i) + ".h5")).string());
    app::run_scenario(small_cohort(shards.back()), request, registry(), app::SingleProcess{}, {});
  }
  merge_results((dir / "merged.h5").string(), shards, registry());
  CHECK(testing::datasets(dir / "merged.h5") == testing::datasets(dir / "whole.h5"));
}

TEST_CASE("several ranks refuse --tasks, --shard and --resume", "[app][ranks]") {
  const fs::path dir = fresh("refusals");
  app::RunRequest tasks;
  tasks.tasks = TaskRange{0, 2};
  CHECK_THROWS_WITH(app::run_scenario(small_cohort(dir / "a.h5"), tasks, registry(), SequentialRank(0, 2), {}),
                    Catch::Contains("cannot be combined with several MPI ranks"));
  app::RunRequest resume;
  resume.resume = true;
  CHECK_THROWS_WITH(app::run_scenario(small_cohort(dir / "b.h5"), resume, registry(), SequentialRank(0, 2), {}),
                    Catch::Contains("--resume runs in one process"));
}

TEST_CASE("a run scenario is the named file or the built-in quickstart, with a result file", "[app]") {
  const Scenario quickstart = app::load_run_scenario(std::nullopt, std::nullopt, false, registry());
  CHECK(std::string(quickstart.model->name) == "kuznetsov1994");
  CHECK_FALSE(quickstart.output_path.empty());
  const Scenario renamed = app::load_run_scenario(std::nullopt, std::string("elsewhere.h5"), false, registry());
  CHECK(renamed.output_path == "elsewhere.h5");
  CHECK_THROWS_WITH(app::load_run_scenario(std::nullopt, std::nullopt, true, registry()),
                    Catch::Contains("has no sweep: section"));
}
