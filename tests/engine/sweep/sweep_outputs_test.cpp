// Sweep outputs: each output name's column, aggregate, event column and unit; unknown names; and
// point_values' task order, its means over completed tasks and its Kaplan-Meier medians.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/sweep/sweep_outputs.hpp"

using namespace icbsim::sweep;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// 2 points x 4 patients x 2 arms; task id = (point · 4 + patient) · 2 + arm.
TaskTable small_table() {
  TaskTable t;
  t.points = 2;
  t.patients = 4;
  t.arms = 2;
  // Listed task by task: (p0 i0 a0), (p0 i0 a1), (p0 i1 a0), ...
  t.columns["best_change_pct"] = {-30, 1, 10, 2, kNaN, 3, 35, 4,           // point 0
                                  kNaN, 100, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};  // point 1
  t.columns["responder"] = {1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
  t.columns["pfs_days"] = {30, kNaN, 10, 5, 20, 15, 40, 25,  // point 0
                           50, 100, 60, kNaN, 70, kNaN, 80, kNaN};
  t.columns["pfs_event"] = {1, 0, 0, 1, 1, 1, 1, 0,  // point 0
                            0, 1, 0, 0, 0, 0, 0, 0};
  return t;
}

}  // namespace

TEST_CASE("each output name maps to its column, aggregate and unit", "[sweep][outputs]") {
  struct Expected {
    const char* name;
    const char* column;
    const char* unit;
  };
  // Rates and means: the mean of a per-task column (0/1 for rates), from the readout.
  for (const Expected& e : {Expected{"orr", "responder", "1"}, Expected{"dcr", "disease_control", "1"},
                            Expected{"primary_resistance_rate", "primary_resistance", "1"},
                            Expected{"hyperprogression_rate", "hyperprogression", "1"},
                            Expected{"best_change_pct", "best_change_pct", "%"}, Expected{"pfs_days", "pfs_days", "day"},
                            Expected{"os_days", "os_days", "day"}, Expected{"exposure_days", "exposure_days", "day"},
                            Expected{"tgr_pre", "tgr_pre", "%/month"}, Expected{"tgr_on", "tgr_on", "%/month"},
                            Expected{"viable_tumour_pct", "viable_tumour_pct", "%"}}) {
    INFO(e.name);
    const OutputDefinition d = define_output(e.name);
    CHECK(d.name == e.name);
    CHECK(d.column == e.column);
    CHECK(d.unit == e.unit);
    CHECK(d.aggregate == Aggregate::kMean);
    CHECK(d.event_column.empty());
    CHECK(d.needs_readout);
  }
  // Medians: Kaplan-Meier of the time with its event indicator.
  const OutputDefinition pfs = define_output("median_pfs_days");
  CHECK(pfs.aggregate == Aggregate::kMedianSurvival);
  CHECK(pfs.column == "pfs_days");
  CHECK(pfs.event_column == "pfs_event");
  CHECK(pfs.unit == "day");
  const OutputDefinition os = define_output("median_os_days");
  CHECK(os.column == "os_days");
  CHECK(os.event_column == "os_event");
  // Trajectory outputs: the column is the name itself, no readout needed.
  for (const char* name : {"final:T", "min:E", "max:tumour_diameter"}) {
    INFO(name);
    const OutputDefinition d = define_output(name);
    CHECK(d.column == name);
    CHECK_FALSE(d.needs_readout);
    CHECK(d.aggregate == Aggregate::kMean);
  }
}

TEST_CASE("an unknown sweep output is refused with the known forms", "[sweep][outputs]") {
  for (const char* name : {"ORR", "final:", "mean:T", "median_pfs", "", "final"}) {
    INFO("'" << name << "'");
    CHECK_THROWS_AS(define_output(name), icbsim::Error);
    CHECK_THROWS_WITH(define_output(name), Catch::StartsWith("unknown sweep output '" + std::string(name) + "'") &&
                                               Catch::Contains("orr, dcr,") && Catch::Contains("median_os_days") &&
                                               Catch::Contains("viable_tumour_pct") &&
                                               Catch::EndsWith("final:VAR, min:VAR, max:VAR"));
  }
}

TEST_CASE("point values average each arm's completed tasks, in plan order", "[sweep][outputs]") {
  const TaskTable table = small_table();
  const Eigen::VectorXd arm0 = point_values(define_output("best_change_pct"), table, 0);
  const Eigen::VectorXd arm1 = point_values(define_output("best_change_pct"), table, 1);
  REQUIRE(arm0.size() == 2);
  CHECK(arm0(0) == Approx(5.0));   // (-30 + 10 + 35) / 3: the NaN task is left out, not counted as 0
  CHECK(std::isnan(arm0(1)));      // no task of point 1 completed in arm 0
  CHECK(arm1(0) == Approx(2.5));   // (1 + 2 + 3 + 4) / 4
  CHECK(arm1(1) == Approx(100.0)); // one completed task
  // A rate is the mean of a 0/1 column.
  CHECK(point_values(define_output("orr"), table, 0)(0) == Approx(0.75));
  CHECK(point_values(define_output("orr"), table, 1)(0) == Approx(0.25));
  CHECK(point_values(define_output("orr"), table, 0)(1) == 0.0);
}

TEST_CASE("median outputs are Kaplan-Meier medians of a point's completed tasks", "[sweep][outputs]") {
  const TaskTable table = small_table();
  const OutputDefinition median = define_output("median_pfs_days");
  const Eigen::VectorXd arm0 = point_values(median, table, 0);
  const Eigen::VectorXd arm1 = point_values(median, table, 1);
  // Arm 0, point 0: 10 censored, 20, 30, 40 events. S = 2/3 after 20 and 1/3 after 30 (by hand),
  // so the median is 30 (the plain median of the times would be 25).
  CHECK(arm0(0) == Approx(30.0));
  // Arm 0, point 1: every patient censored: the median is not reached.
  CHECK(std::isnan(arm0(1)));
  // Arm 1, point 0: a failed task (NaN), then 5 and 15 events and 25 censored: S = 2/3, then 1/3.
  CHECK(arm1(0) == Approx(15.0));
  // Arm 1, point 1: one completed task with an event at 100 days.
  CHECK(arm1(1) == Approx(100.0));
}

TEST_CASE("point values need the output's columns in the table", "[sweep][outputs]") {
  TaskTable table = small_table();
  CHECK_THROWS(point_values(define_output("final:T"), table, 0));
  table.columns.erase("pfs_event");
  CHECK_THROWS(point_values(define_output("median_pfs_days"), table, 0));
  CHECK_NOTHROW(point_values(define_output("pfs_days"), table, 0));  // the mean needs no event column
}
