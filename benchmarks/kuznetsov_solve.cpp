// Benchmark: one Kuznetsov 1994 solve (2 years, daily output, Dormand–Prince rtol 1e-8) through the
// engine's Simulator, against a hand-written Boost.Odeint loop of the same integration, in the same
// process. Prints the median time per solve of each and their ratio (target: engine <= 1.5x).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <vector>

#include <boost/numeric/odeint.hpp>

#include "benchmarks/bench_timing.hpp"

#include "engine/ode/simulator.hpp"
#include "models/kuznetsov1994.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using State = std::array<double, 2>;

constexpr double kRtol = 1e-8, kAtol = 1e-6, kEnd = 730.0;

std::vector<double> daily_grid() {
  std::vector<double> t;
  for (int i = 0; i <= static_cast<int>(kEnd); ++i) t.push_back(i);
  return t;
}

/// The same system written directly as an odeint functor with the published parameter values.
struct HandWrittenKuznetsov {
  void operator()(const State& x, State& dxdt, double) const {
    const double E = x[0], T = x[1];
    dxdt[0] = 1.3e4 + 0.1245 * E * T / (2.019e7 + T) - 3.422e-10 * E * T - 0.0412 * E;
    dxdt[1] = 0.18 * T * (1.0 - 2.0e-9 * T) - 1.101e-7 * E * T;
  }
};

double hand_written(const std::vector<double>& times, std::vector<double>& out) {
  namespace odeint = boost::numeric::odeint;
  State x{3.2e5, 5e6};
  std::size_t k = 0;
  odeint::integrate_times(odeint::make_dense_output(kAtol, kRtol, odeint::runge_kutta_dopri5<State>()),
                          HandWrittenKuznetsov{}, x, times.begin(), times.end(), 1e-3, [&](const State& s, double) {
                            out[k] = s[0];
                            out[times.size() + k] = s[1];
                            ++k;
                          });
  return out[2 * times.size() - 1];
}

double engine(const icbsim::TaskInput& in) {
  const auto result = icbsim::Simulator<icbsim::models::Kuznetsov1994>(in).run();
  return result.trajectories.back();
}

}  // namespace

int main() {
  const std::vector<double> times = daily_grid();
  icbsim::TaskInput in;
  for (const auto& p : icbsim::models::Kuznetsov1994::kParameters) in.parameters.push_back(p.value);
  in.initial_state = {3.2e5, 5e6};
  in.t_end = kEnd;
  in.output_times = times;
  in.solver.rtol = kRtol;
  in.solver.atol = kAtol;

  std::vector<double> buffer(2 * times.size());
  const double engine_T = engine(in);
  const double hand_T = hand_written(times, buffer);
  const auto stats = icbsim::Simulator<icbsim::models::Kuznetsov1994>(in).run().stats;
  std::printf("final T: engine %.10g, hand-written %.10g (relative difference %.2e)\n", engine_T, hand_T,
              std::abs(engine_T - hand_T) / hand_T);
  std::printf("engine: %zu steps, %zu right-hand-side evaluations per solve\n", stats.steps, stats.rhs_evaluations);

  volatile double sink = 0;
  constexpr int kCalls = 200, kBatches = 21;
  const auto [t_engine, t_hand] = icbsim::bench::median_seconds_per_call([&] { sink = sink + engine(in); },
                                                          [&] { sink = sink + hand_written(times, buffer); }, kCalls,
                                                          kBatches);
  std::printf("median per solve: engine %.1f us, hand-written odeint loop %.1f us\n", t_engine * 1e6, t_hand * 1e6);
  std::printf("ratio engine / hand-written: %.3f (target <= 1.5)\n", t_engine / t_hand);
  return 0;
}
