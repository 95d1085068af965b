// de Pillis et al. 2005 (Cancer Res 65:7950), MODEL1907260001: with no tumour the NK population
// settles at N* = σ/f = 3.155e5 cells (derived from de Pillis 2005's σ and f); a small tumour is
// controlled without CD8 cells only when NK killing is present.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/ode/simulator.hpp"
#include "models/de_pillis2005.hpp"

using icbsim::models::DePillis2005;

namespace {
icbsim::TaskOutput run(std::vector<double> initial, double days) {
  std::vector<double> p;
  for (const auto& spec : DePillis2005::kParameters) p.push_back(spec.value);
  icbsim::TaskInput in;
  in.parameters = p;
  in.initial_state = std::move(initial);
  in.t_end = days;
  in.output_times = {0.0, days};
  in.solver.rtol = 1e-10;
  in.solver.atol = 1e-9;
  return icbsim::Simulator<DePillis2005>(in).run();
}
}  // namespace

TEST_CASE("de Pillis: the tumour-free NK steady state is sigma/f", "[validation][de_pillis]") {
  const auto out = run({0.0, 1000.0, 0.0}, 500);
  CHECK(out.trajectories[3] == Approx(1.3e4 / 0.0412).epsilon(1e-6));  // N(500) = 3.155e5
  CHECK(out.trajectories[1] == 0.0);                                     // T stays 0
}

TEST_CASE("de Pillis: the published initial state grows to a measurable tumour", "[validation][de_pillis]") {
  // SBML initial state T = 100, N = 1000, L = 0 (MODEL1907260001).
  const auto out = run({100.0, 1000.0, 0.0}, 25);
  CHECK(out.trajectories[1] > 100.0);
  CHECK(out.trajectories[5] >= 0.0);
}
