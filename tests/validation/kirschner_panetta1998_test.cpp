// Kirschner & Panetta 1998 (J Math Biol 37:235): the adoptive-therapy cure threshold
// s1 = r2·g2·μ2/a = 540 cells/day (derived from Kirschner 1998's parameters, exact linearisation at T = 0),
// bracketed from both sides by simulation.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/ode/simulator.hpp"
#include "models/kirschner_panetta1998.hpp"

using icbsim::models::KirschnerPanetta1998;

namespace {
double tumour_after(double s1, double days) {
  std::vector<double> p;
  for (const auto& spec : KirschnerPanetta1998::kParameters) p.push_back(spec.value);
  p[icbsim::index_of(KirschnerPanetta1998::kParameters, "s1")] = s1;
  icbsim::TaskInput in;
  in.parameters = p;
  in.initial_state = {s1 / 0.03, 1.0, 0.0};  // effectors at their treated steady state, one tumour cell
  in.t_end = days;
  in.output_times = {0.0, days};
  in.solver.rtol = 1e-10;
  in.solver.atol = 1e-12;
  return icbsim::Simulator<KirschnerPanetta1998>(in).run().trajectories[3];
}
}  // namespace

TEST_CASE("Kirschner-Panetta: the ACI cure threshold is 540 cells/day", "[validation][kirschner]") {
  CHECK(0.18 * 1e5 * 0.03 / 1.0 == Approx(540.0));
  // Just below the threshold the tumour grows, just above it is cleared (growth rate ±0.00167/day).
  CHECK(tumour_after(535.0, 1000) > 3.0);
  CHECK(tumour_after(545.0, 1000) < 0.3);
  // Far from the threshold the effect is strong.
  CHECK(tumour_after(400.0, 500) > 1e3);
  CHECK(tumour_after(700.0, 500) < 1e-5);
}
