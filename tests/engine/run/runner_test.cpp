// engine/run/runner: the progress of an interrupted run counts only the tasks that ran.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>

#include "engine/io/config/scenario_loader.hpp"
#include "engine/run/plan.hpp"
#include "engine/run/runner.hpp"
#include "tests/support/builtin_registry.hpp"

using namespace icbsim;

namespace {
/// Keeps nothing: only what the runner reports matters here.
class NullSink final : public ResultSink {
 public:
  void write_task(const TaskRecord&) override {}
  void write_report(const std::string&) override {}
  void finish(const RunMetadata&) override {}
};
}  // namespace

// Audit defect 13: progress showed 200/200 on an interrupted run.
TEST_CASE("an interrupted run's progress stops at the tasks that ran", "[run][runner]") {
  const Scenario s = load_scenario_text(
      "model: kuznetsov1994\n"
      "initial: {E: 3.2e5 cells, T: 5e6 cells}\n"
      "time: {end: 10 days}\n"
      "population:\n"
      "  size: 20\n"
      "  distributions:\n"
      "    a: {distribution: lognormal, median: 0.18 1/day, cv: 0.2}\n",
      "interrupted.yaml", testing::registry());
  const Plan plan(s);
  NullSink sink;
  const std::atomic<bool> stop{true};  // interrupted before the first task
  std::size_t last_done = 0, calls = 0;
  const RunReport report = run_plan(
      s, plan, sink,
      [&](std::size_t done, std::size_t) {
        last_done = done;
        ++calls;
      },
      &stop);
  CHECK(report.not_run == 20);
  CHECK(calls == 0);
  CHECK(last_done == 0);
}
