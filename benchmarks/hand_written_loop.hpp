// The benchmarks' hand-written baseline: a Boost.Odeint loop over one task of model M that calls
// the model's rhs directly, without the engine. Between dose starts and infusion ends a fresh
// dense-output Dormand–Prince stepper integrates the rhs plus the piece's infusion rates through
// the output times, recording states and observables ([row][time], row-major).
#pragma once

#include <algorithm>
#include <array>
#include <set>
#include <vector>

#include <boost/numeric/odeint.hpp>

#include "engine/core/task.hpp"

namespace icbsim::bench {

template <typename M>
struct HandWritten {
  static constexpr std::size_t kStates = M::kVariables.size();
  static constexpr std::size_t kObservables = M::kObservables.size();
  using State = std::array<double, kStates>;

  const M& model;
  const std::vector<DoseEvent>& doses;
  double t_end;
  double atol;
  double rtol;
  std::size_t rhs_evaluations = 0;

  /// Integrates from x0 at t = 0; `out` holds (kStates + kObservables) rows of times.size() values.
  /// Returns the last recorded value of the first state.
  double run(const State& x0, const std::vector<double>& times, double* out) {
    namespace odeint = boost::numeric::odeint;
    std::set<double> cuts{0.0, t_end};
    for (const auto& d : doses) {
      cuts.insert(d.time);
      cuts.insert(d.time + d.duration);
    }
    const std::vector<double> pieces(cuts.begin(), cuts.end());
    State x = x0;
    State rate{};
    std::size_t next = 0;
    const std::size_t n = times.size();
    auto record = [&](const State& s, double t) {
      while (next < n && times[next] <= t) {
        for (std::size_t i = 0; i < kStates; ++i) out[i * n + next] = s[i];
        if constexpr (kObservables > 0) {
          std::array<double, kObservables> obs{};
          model.observe(s.data(), t, obs.data());
          for (std::size_t k = 0; k < kObservables; ++k) out[(kStates + k) * n + next] = obs[k];
        }
        ++next;
      }
    };
    auto system = [&](const State& y, State& dy, double t) {
      ++rhs_evaluations;
      model.rhs(y.data(), dy.data(), t);
      for (std::size_t i = 0; i < kStates; ++i) dy[i] += rate[i];
    };
    std::vector<double> grid;
    for (std::size_t s = 0; s + 1 < pieces.size(); ++s) {
      const double a = pieces[s], b = pieces[s + 1];
      rate.fill(0.0);
      for (const auto& d : doses) {
        if (d.duration == 0.0 && d.time == a) x[d.target] += d.amount;
        if (d.duration > 0.0 && d.time <= a && a < d.time + d.duration) rate[d.target] += d.amount / d.duration;
      }
      grid.assign(1, a);
      for (double t : times)
        if (t > a && t < b) grid.push_back(t);
      grid.push_back(b);
      odeint::integrate_times(odeint::make_dense_output(atol, rtol, odeint::runge_kutta_dopri5<State>()), system, x,
                              grid.begin(), grid.end(), std::min(1e-3, b - a), [&](const State& y, double t) {
                                if (t < b || b == t_end) record(y, t);
                              });
    }
    return out[n - 1];
  }
};

}  // namespace icbsim::bench
