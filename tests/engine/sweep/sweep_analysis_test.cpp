// Sweep analysis: the estimator each design kind gets (Saltelli -> Sobol' indices with bootstrap
// intervals, Morris -> mu*/mu/sigma, grid/LHS/Sobol' -> PRCC) on tiny hand-computed cases, the
// arm-major order of the results, problems reported instead of thrown, and the printed table.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "engine/sweep/sweep_analysis.hpp"

using namespace icbsim::sweep;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

SweepSpec spec_of(DesignKind design, const std::vector<std::string>& labels) {
  SweepSpec spec;
  spec.design = design;
  for (const std::string& label : labels) {
    Axis axis;
    axis.label = label;
    spec.axes.push_back(axis);
  }
  return spec;
}

/// One patient per point, one arm: the column final:T holds `y` point by point.
TaskTable table_of(const std::vector<double>& y) {
  TaskTable t;
  t.points = y.size();
  t.patients = 1;
  t.columns["final:T"] = y;
  return t;
}

/// Six points of two axes (no ties) and an output rising with both.
SweepPoints prcc_points() {
  SweepPoints p;
  p.values.resize(6, 2);
  p.values << 1, 2, 2, 6, 3, 1, 4, 5, 5, 3, 6, 4;
  p.unit = p.values / 10.0;
  return p;
}
const std::vector<double> kPrccOutput{1.0, 3.5, 2.0, 5.0, 4.0, 7.0};

/// Outputs at a Saltelli design with N = 4, d = 2, in the order A, B, A_B^(1), A_B^(2).
const std::vector<double> kSaltelliOutput{1, 2, 3, 4, /* B */ 2, 0, 5, 1, /* AB1 */ 2, 1, 4, 3, /* AB2 */ 1, 3, 2, 5};

}  // namespace

TEST_CASE("grid, Latin hypercube and Sobol' sweeps get PRCC of each axis", "[sweep][analysis]") {
  const SweepPoints points = prcc_points();
  for (DesignKind design : {DesignKind::kGrid, DesignKind::kLatinHypercube, DesignKind::kSobol}) {
    INFO(kDesignNames.name(design));
    const SweepSpec spec = spec_of(design, {"a", "s_long"});
    const SweepAnalysis result =
        analyse_sweep(spec, points, {define_output("final:T")}, {"only"}, table_of(kPrccOutput), 1);
    REQUIRE(result.outputs.size() == 1);
    const OutputAnalysis& a = result.outputs[0];
    CHECK(a.arm.empty());  // a single arm is not named
    CHECK(a.problem.empty());
    CHECK_FALSE(a.sobol);
    CHECK_FALSE(a.morris);
    REQUIRE(a.prcc);
    // Rank-transform, regress out the other axis with an intercept, correlate the residuals:
    // numpy (np.linalg.lstsq on the ranks) gives 0.972271824131503 and 0.9061030445113446.
    CHECK((*a.prcc)(0) == Approx(0.972271824131503).epsilon(1e-12));
    CHECK((*a.prcc)(1) == Approx(0.9061030445113446).epsilon(1e-12));
    CHECK(a.values.size() == 6);
    CHECK(a.values(3) == 5.0);
    // The column is padded to the longest label + 2 (here "s_long": 8 characters).
    CHECK(result.text == "\nfinal:T\n  axis    PRCC\n  a         0.972\n  s_long    0.906\n");
  }
}

TEST_CASE("a Saltelli sweep gets Sobol' indices with reproducible bootstrap intervals", "[sweep][analysis]") {
  SweepSpec spec = spec_of(DesignKind::kSaltelli, {"x1", "x2"});
  spec.bootstrap = 40;
  spec.level = 0.9;
  SweepPoints points;  // the Saltelli estimator needs the outputs only
  points.unit = Eigen::MatrixXd::Zero(16, 2);
  points.values = points.unit;
  const TaskTable table = table_of(kSaltelliOutput);
  const SweepAnalysis result = analyse_sweep(spec, points, {define_output("final:T")}, {"only"}, table, 21);
  REQUIRE(result.outputs.size() == 1);
  const OutputAnalysis& a = result.outputs[0];
  REQUIRE(a.problem.empty());
  REQUIRE(a.sobol);
  CHECK_FALSE(a.prcc);
  const SobolIndicesInterval& s = *a.sobol;
  // By hand: V = 19.5/8 = 2.4375 over the 8 outputs of A and B (population variance);
  // S1 = mean(f_B·(f_AB − f_A))/V = 1.5/V = 8/13 and −1/V = −16/39;
  // ST = mean((f_A − f_AB)²)/(2V) = 1/(2V) = 8/39 and 0.75/(2V) = 2/13.
  CHECK(s.estimate.variance == Approx(2.4375));
  CHECK(s.estimate.first(0) == Approx(8.0 / 13.0));
  CHECK(s.estimate.first(1) == Approx(-16.0 / 39.0));
  CHECK(s.estimate.total(0) == Approx(8.0 / 39.0));
  CHECK(s.estimate.total(1) == Approx(2.0 / 13.0));
  CHECK(s.level == 0.9);
  for (Eigen::Index i = 0; i < 2; ++i) {
    CHECK(s.first_lower(i) <= s.first_upper(i));
    CHECK(s.total_lower(i) <= s.total_upper(i));
  }
  // The bootstrap draws from the stream of (seed, task 0, sweep, 1): the same seed, the same
  // intervals; another seed, other intervals.
  const SweepAnalysis again = analyse_sweep(spec, points, {define_output("final:T")}, {"only"}, table, 21);
  CHECK(again.outputs[0].sobol->first_lower == s.first_lower);
  CHECK(again.outputs[0].sobol->total_upper == s.total_upper);
  CHECK(again.text == result.text);
  const SweepAnalysis other = analyse_sweep(spec, points, {define_output("final:T")}, {"only"}, table, 22);
  CHECK((other.outputs[0].sobol->first_lower != s.first_lower || other.outputs[0].sobol->first_upper != s.first_upper));
  CHECK(result.text.find("S1       [90% interval]    ST       interval\n") != std::string::npos);
  CHECK(result.text.find("  x1      0.615  [") != std::string::npos);
  CHECK(result.text.find("  x2     -0.410  [") != std::string::npos);
  CHECK(result.text.find("  output variance 2.438\n") != std::string::npos);
}

TEST_CASE("a Morris sweep gets mu* mu and sigma from the design's trajectories", "[sweep][analysis]") {
  const SweepSpec spec = spec_of(DesignKind::kMorris, {"x1", "x2"});
  SweepPoints points;
  MorrisDesign m;
  m.trajectories = 2;
  m.levels = 2;
  m.delta = 1.0;
  m.points.resize(6, 2);
  // Trajectory 0 moves x1 then x2 up; trajectory 1 moves x2 down then x1 up (steps of ±1, exact).
  m.points << 0, 0, 1, 0, 1, 1,  //
      0, 1, 0, 0, 1, 0;
  m.factor = {0, 1, 1, 0};
  points.unit = m.points;
  points.values = m.points;
  points.morris = m;
  const SweepAnalysis result =
      analyse_sweep(spec, points, {define_output("final:T")}, {"only"}, table_of({1, 3, 2, 5, 4, 8}), 1);
  REQUIRE(result.outputs.size() == 1);
  const OutputAnalysis& a = result.outputs[0];
  REQUIRE(a.problem.empty());
  REQUIRE(a.morris);
  // By hand: effects of x1 are (3 − 1)/1 = 2 and (8 − 4)/1 = 4; of x2 (2 − 3)/1 = −1 and
  // (4 − 5)/(−1) = 1. mu = 3, 0; mu* = 3, 1; sigma (denominator r − 1 = 1) = sqrt(2) for both.
  CHECK(a.morris->mu(0) == Approx(3.0));
  CHECK(a.morris->mu(1) == 0.0);
  CHECK(a.morris->mu_star(0) == Approx(3.0));
  CHECK(a.morris->mu_star(1) == Approx(1.0));
  CHECK(a.morris->sigma(0) == Approx(std::sqrt(2.0)));
  CHECK(a.morris->sigma(1) == Approx(std::sqrt(2.0)));
  CHECK(result.text == "\nfinal:T\n  axis  mu*        mu         sigma\n"
                       "  x1    3          3          1.414     \n"
                       "  x2    1          0          1.414     \n");
}

TEST_CASE("every arm and output is analysed, arm-major, each arm named", "[sweep][analysis]") {
  const SweepSpec spec = spec_of(DesignKind::kLatinHypercube, {"a", "b"});
  TaskTable table;
  table.points = 6;
  table.patients = 1;
  table.arms = 2;
  // Arm 0 holds the PRCC fixture, arm 1 its negation; task id = point · 2 + arm.
  std::vector<double> t;
  for (double v : kPrccOutput) {
    t.push_back(v);
    t.push_back(-v);
  }
  table.columns["final:T"] = t;
  table.columns["responder"] = std::vector<double>(12, 1.0);  // constant: PRCC is refused
  const SweepAnalysis result = analyse_sweep(spec, prcc_points(), {define_output("final:T"), define_output("orr")},
                                             {"reference", "treated"}, table, 1);
  REQUIRE(result.outputs.size() == 4);
  CHECK(result.outputs[0].arm == "reference");
  CHECK(result.outputs[0].output.name == "final:T");
  CHECK(result.outputs[1].arm == "reference");
  CHECK(result.outputs[1].output.name == "orr");
  CHECK(result.outputs[2].arm == "treated");
  CHECK(result.outputs[3].output.name == "orr");
  REQUIRE(result.outputs[2].prcc);
  CHECK((*result.outputs[2].prcc)(0) == Approx(-0.972271824131503).epsilon(1e-12));  // the negated output
  // A constant output cannot be correlated: the problem is reported, the other outputs still analysed.
  CHECK_FALSE(result.outputs[1].prcc);
  CHECK_FALSE(result.outputs[1].problem.empty());
  CHECK(result.text.find("\nfinal:T (arm treated)\n") != std::string::npos);
  CHECK(result.text.find("\norr (arm reference)\n  not computed: " + result.outputs[1].problem + "\n") !=
        std::string::npos);
}

TEST_CASE("a point without a value or a failed estimate is reported, not thrown", "[sweep][analysis]") {
  SECTION("a NaN point value stops the estimate before the estimator runs") {
    std::vector<double> y = kPrccOutput;
    y[2] = kNaN;
    const SweepAnalysis result = analyse_sweep(spec_of(DesignKind::kSobol, {"a", "b"}), prcc_points(),
                                               {define_output("final:T")}, {"only"}, table_of(y), 1);
    const OutputAnalysis& a = result.outputs.at(0);
    CHECK(a.problem == "no value at point 2 (every task failed, or a median was not reached)");
    CHECK_FALSE(a.prcc);
    CHECK(result.text == "\nfinal:T\n  not computed: " + a.problem + "\n");
  }
  SECTION("a Saltelli output without variance") {
    SweepPoints points;
    points.unit = Eigen::MatrixXd::Zero(8, 2);
    points.values = points.unit;
    const SweepAnalysis result = analyse_sweep(spec_of(DesignKind::kSaltelli, {"a", "b"}), points,
                                               {define_output("final:T")}, {"only"}, table_of(std::vector<double>(8, 3.0)), 1);
    CHECK_FALSE(result.outputs.at(0).sobol);
    CHECK_THAT(result.outputs.at(0).problem, Catch::Contains("zero variance"));
  }
  SECTION("too few points for PRCC") {
    SweepPoints points = prcc_points();
    points.values.conservativeResize(3, 2);
    const SweepAnalysis result = analyse_sweep(spec_of(DesignKind::kGrid, {"a", "b"}), points, {define_output("final:T")},
                                               {"only"}, table_of({1, 2, 3}), 1);
    CHECK_FALSE(result.outputs.at(0).prcc);
    CHECK_THAT(result.outputs.at(0).problem, Catch::Contains("more than d + 1"));
  }
}
