// Simulator: accuracy against closed forms, convergence with the tolerance, exact dose events,
// located numerical failures, and independence of simulations.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/ode/simulator.hpp"
#include "engine/run/plan.hpp"
#include "test_models.hpp"

using icbsim::Simulator;
using icbsim::TaskInput;
using namespace icbsim::testing;

namespace {
TaskInput logistic_task(double rtol, icbsim::SolverMethod method = icbsim::SolverMethod::kDopri5) {
  TaskInput in;
  in.parameters = {0.3, 1e6};
  in.initial_state = {1e3};
  in.t_start = 0;
  in.t_end = 60;
  for (int i = 0; i <= 60; ++i) in.output_times.push_back(i);
  in.solver.method = method;
  in.solver.rtol = rtol;
  in.solver.atol = 1e-12;
  return in;
}

double max_relative_error(const TaskInput& in, const icbsim::TaskOutput& out) {
  const Logistic m(in.parameters);
  double worst = 0;
  for (std::size_t j = 0; j < in.output_times.size(); ++j) {
    const double exact = m.exact(in.initial_state[0], in.output_times[j]);
    worst = std::max(worst, std::abs(out.trajectories[j] - exact) / exact);
  }
  return worst;
}
}  // namespace

TEST_CASE("logistic growth: dense output matches the closed form at every output time", "[ode]") {
  const auto in = logistic_task(1e-10);
  const auto out = Simulator<Logistic>(in).run();
  CHECK(max_relative_error(in, out) < 1e-8);
  // Observable recorded beside the state: x/K.
  const std::size_t n = in.output_times.size();
  CHECK(out.trajectories[n + 60] == Approx(out.trajectories[60] / 1e6).epsilon(1e-15));
  CHECK(out.stats.steps > 0);
  CHECK(out.stats.rhs_evaluations >= out.stats.steps);
}

TEST_CASE("logistic growth: the global error falls with the tolerance (Dormand-Prince)", "[ode][convergence]") {
  std::vector<double> errors;
  for (double rtol : {1e-4, 1e-6, 1e-8, 1e-10}) {
    const auto in = logistic_task(rtol);
    errors.push_back(max_relative_error(in, Simulator<Logistic>(in).run()));
    // The error stays within a modest multiple of the requested tolerance.
    CHECK(errors.back() < 50 * rtol);
  }
  // Tolerance proportionality: each 100-fold tighter tolerance gains at least a factor 20.
  for (std::size_t i = 1; i < errors.size(); ++i) CHECK(errors[i] < errors[i - 1] / 20);
}

TEST_CASE("bolus doses land exactly at their times and are recorded right-continuously", "[ode][dosing]") {
  TaskInput in;
  in.parameters = {0.1};
  in.initial_state = {0.0};
  in.t_start = 0;
  in.t_end = 21;
  in.output_times = {0, 3.5, 7, 10, 14, 21};
  in.doses = {{0.0, 0, 100.0, 0.0}, {7.0, 0, 100.0, 0.0}, {14.0, 0, 100.0, 0.0}};
  in.solver.rtol = 1e-12;
  in.solver.atol = 1e-12;
  const auto out = Simulator<Decay>(in).run();
  auto exact = [](double t) {
    double a = 0;
    for (double d : {0.0, 7.0, 14.0})
      if (t >= d) a += 100.0 * std::exp(-0.1 * (t - d));
    return a;
  };
  for (std::size_t j = 0; j < in.output_times.size(); ++j)
    CHECK(out.trajectories[j] == Approx(exact(in.output_times[j])).epsilon(1e-10));
  CHECK(out.stats.segments == 3);
}

TEST_CASE("zero-order infusions add their rate only while running", "[ode][dosing]") {
  TaskInput in;
  in.parameters = {0.5};
  in.initial_state = {0.0};
  in.t_start = 0;
  in.t_end = 10;
  in.output_times = {0, 1, 2, 4, 10};
  in.doses = {{0.0, 0, 20.0, 2.0}};  // 10 mg/day for 2 days
  in.solver.rtol = 1e-12;
  in.solver.atol = 1e-12;
  const auto out = Simulator<Decay>(in).run();
  const double k = 0.5, R = 10.0;
  auto exact = [&](double t) {
    if (t <= 2) return R / k * (1 - std::exp(-k * t));
    return R / k * (1 - std::exp(-k * 2)) * std::exp(-k * (t - 2));
  };
  for (std::size_t j = 0; j < in.output_times.size(); ++j)
    CHECK(out.trajectories[j] == Approx(exact(in.output_times[j])).epsilon(1e-10).margin(1e-14));
}

TEST_CASE("numerical failures raise SolverError with time and step size", "[ode][failure]") {
  TaskInput in;
  in.initial_state = {1.0};
  in.t_start = 0;
  in.t_end = 2;
  in.output_times = {0, 1, 2};
  SECTION("finite-time blow-up") {
    try {
      Simulator<BlowUp>(in).run();
      FAIL("no error");
    } catch (const icbsim::SolverError& e) {
      CHECK(e.t() < 1.0 + 1e-6);
      CHECK(e.t() > 0.9);
    }
  }
  SECTION("a population turning negative") {
    try {
      Simulator<Drain>(in).run();
      FAIL("no error");
    } catch (const icbsim::SolverError& e) {
      CHECK(std::string(e.what()).find("population 'x' became negative") != std::string::npos);
      CHECK(e.t() > 1.0);
      CHECK(e.t() <= 2.0);
    }
  }
  SECTION("the step budget") {
    in.solver.max_steps = 2;
    in.parameters = {0.3, 1e6};
    in.initial_state = {1e3};
    in.t_end = 60;
    CHECK_THROWS_WITH(Simulator<Logistic>(in).run(), Catch::Contains("maximum number of steps exceeded"));
  }
}

TEST_CASE("two simulations in one process do not share state", "[ode]") {
  auto a = logistic_task(1e-9);
  auto b = logistic_task(1e-9);
  b.parameters = {0.5, 2e6};
  const auto alone_a = Simulator<Logistic>(a).run();
  const auto alone_b = Simulator<Logistic>(b).run();
  Simulator<Logistic> sa(a);
  Simulator<Logistic> sb(b);
  icbsim::TaskOutput together_a, together_b;
#pragma omp parallel sections num_threads(2)
  {
#pragma omp section
    together_a = sa.run();
#pragma omp section
    together_b = sb.run();
  }
  CHECK(together_a.trajectories == alone_a.trajectories);
  CHECK(together_b.trajectories == alone_b.trajectories);
  CHECK(alone_a.trajectories != alone_b.trajectories);
}

TEST_CASE("the stiff path (Rosenbrock, automatic Jacobian) matches the closed form", "[ode][stiff]") {
  std::vector<double> errors;
  for (double rtol : {1e-5, 1e-7, 1e-9}) {
    const auto in = logistic_task(rtol, icbsim::SolverMethod::kRosenbrock4);
    const auto out = Simulator<Logistic>(in).run();
    errors.push_back(max_relative_error(in, out));
    CHECK(errors.back() < 100 * rtol);
  }
  for (std::size_t i = 1; i < errors.size(); ++i) CHECK(errors[i] < errors[i - 1] / 10);
}

TEST_CASE("the stiff path handles doses exactly like the explicit one", "[ode][stiff][dosing]") {
  TaskInput in;
  in.parameters = {0.1};
  in.initial_state = {0.0};
  in.t_end = 21;
  in.output_times = {0, 7, 14, 21};
  in.doses = {{0.0, 0, 100.0, 1.0 / 24}, {7.0, 0, 100.0, 1.0 / 24}, {14.0, 0, 100.0, 1.0 / 24}};
  in.solver.rtol = 1e-10;
  in.solver.atol = 1e-10;
  const auto explicit_out = Simulator<Decay>(in).run();
  in.solver.method = icbsim::SolverMethod::kRosenbrock4;
  const auto stiff_out = Simulator<Decay>(in).run();
  for (std::size_t j = 0; j < in.output_times.size(); ++j)
    CHECK(stiff_out.trajectories[j] == Approx(explicit_out.trajectories[j]).epsilon(1e-8).margin(1e-12));
}

TEST_CASE("sample times are recorded apart from the output grid", "[ode]") {
  auto in = logistic_task(1e-10);
  in.sample_times = {0.0, 12.5, 42.0, 60.0};
  const auto out = Simulator<Logistic>(in).run();
  const Logistic m(in.parameters);
  REQUIRE(out.samples.size() == 2 * in.sample_times.size());
  for (std::size_t j = 0; j < in.sample_times.size(); ++j) {
    CHECK(out.samples[j] == Approx(m.exact(1e3, in.sample_times[j])).epsilon(1e-8));
    CHECK(out.samples[in.sample_times.size() + j] == Approx(out.samples[j] / 1e6).epsilon(1e-14));
  }
  // The output grid is unchanged by the samples.
  CHECK(out.trajectories == Simulator<Logistic>(logistic_task(1e-10)).run().trajectories);
}

// A cut does not restart the step-size controller: the next segment starts with the step size the
// controller had reached (bounded by the segment's length), so cuts through a smooth solution cost
// at most the shortened step before each, and the result stays within the tolerance.
TEST_CASE("segment cuts carry the step size across, for both steppers", "[ode][dosing]") {
  for (const auto method : {icbsim::SolverMethod::kDopri5, icbsim::SolverMethod::kRosenbrock4}) {
    TaskInput plain = logistic_task(1e-8, method);
    TaskInput cut = plain;
    for (int c = 1; c < 60; c += 3) cut.cuts.push_back(c + 0.37);  // 20 cuts off the output grid
    const icbsim::TaskOutput a = Simulator<Logistic>(plain).run();
    const icbsim::TaskOutput b = Simulator<Logistic>(cut).run();
    INFO("steps without cuts " << a.stats.steps << ", with 20 cuts " << b.stats.steps);
    CHECK(b.stats.segments == 21);
    CHECK(b.stats.steps <= a.stats.steps + 2 * 20);
    CHECK(max_relative_error(cut, b) < 1e-6);
  }
}
