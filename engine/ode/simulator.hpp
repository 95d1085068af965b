// Simulator<M>: integrates one task of model M with Boost.Odeint — adaptive Dormand–Prince with
// dense output, or Rosenbrock 4(3) (engine/ode/rosenbrock_stepper.hpp) with an automatic Jacobian — segment by segment between dose
// discontinuities, recording the output grid through dense output. Numerical failures (step-size
// underflow, non-finite values, negative populations, too many steps) raise SolverError. A task may
// stop at a cut and hand back the integrator's state there, or resume from such a state
// (checkpoints, docs/checkpoints.md).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/numeric/odeint.hpp>

#include "engine/core/errors.hpp"
#include "engine/core/model.hpp"
#include "engine/core/task.hpp"
#include "engine/ode/breakpoints.hpp"
#include "engine/ode/jacobian.hpp"
#include "engine/ode/rosenbrock_stepper.hpp"

namespace icbsim {

template <Model M>
class Simulator {
 public:
  static constexpr std::size_t kStates = M::kVariables.size();
  static constexpr std::size_t kObservables = M::kObservables.size();
  using State = std::array<double, kStates>;

  explicit Simulator(const TaskInput& input) : input_(input), model_(input.parameters) {
    if (input.initial_state.size() != kStates) throw Error("initial state has the wrong size");
    std::copy(input.initial_state.begin(), input.initial_state.end(), x0_.begin());
  }

  const M& model() const noexcept { return model_; }

  /// Runs the task; trajectories (and samples) hold kStates + kObservables rows of
  /// output_times.size() (sample_times.size()) values.
  TaskOutput run() {
    TaskOutput out;
    out.trajectories.assign((kStates + kObservables) * input_.output_times.size(), 0.0);
    out.samples.assign((kStates + kObservables) * input_.sample_times.size(), 0.0);
    recordings_[0] = Recording{&input_.output_times, &out.trajectories};
    recordings_[1] = Recording{&input_.sample_times, &out.samples};
    peak_.fill(0.0);
    if (input_.resume) resume_from(*input_.resume);
    if (input_.solver.method == SolverMethod::kRosenbrock4) {
      run_rosenbrock();
    } else {
      run_dopri5();
    }
    out.stats = stats_;
    out.captured = std::move(captured_);
    out.resumed = input_.resume != nullptr;
    return out;
  }

 private:
  // ---- right-hand side with the segment's infusion input ------------------------------------
  template <typename X, typename DX>
  void evaluate(const X& x, DX& dxdt, double t) {
    ++stats_.rhs_evaluations;
    model_.rhs(&x[0], &dxdt[0], t);
    for (std::size_t i = 0; i < kStates; ++i) dxdt[i] += rate_[i];
  }

  // ---- the segment loop, shared by both steppers ------------------------------------------
  template <typename Stepper, typename X, typename System>
  void integrate(Stepper& stepper, X& x, System system) {
    const std::vector<double> cuts = segment_cuts();
    double dt = input_.solver.initial_step;
    std::size_t first = 0;
    if (const IntegrationState* r = input_.resume.get()) {
      first = cut_index(cuts, r->time, "resume");
      dt = r->next_step;
      if constexpr (requires { stepper.restore_controller_memory(r->controller); })
        stepper.restore_controller_memory(r->controller);
    }
    if (input_.stop_at) cut_index(cuts, *input_.stop_at, "stop");
    for (std::size_t s = first; s + 1 < cuts.size(); ++s) {
      const double a = cuts[s];
      const double b = cuts[s + 1];
      if (input_.stop_at && a == *input_.stop_at) return capture(x, a, dt, stepper);
      apply_boluses_at(a, input_.doses, x);
      infusion_rates_at(a, input_.doses, rate_);
      ++stats_.segments;
      check_state(x, a, 0.0);
      record_until(a, /*inclusive=*/true, [&](double, X& y) { y = x; }, x);
      // dt is the controller's step size, never shortened to land on a cut: the segment starts
      // with it (bounded by the segment's length) instead of a cold trial step, so a short
      // infusion segment does not make the step size climb back from its length afterwards.
      stepper.initialize(x, a, std::min(dt, b - a));
      bool cut_short = dt > b - a;
      // The segment is done when within rounding of its end: t + (b − t) may land one ulp short.
      const double end_slack = 1e-12 * std::max(1.0, std::abs(b));
      while (b - stepper.current_time() > end_slack) {
        const double t = stepper.current_time();
        if (t + stepper.current_time_step() > b) {
          stepper.initialize(stepper.current_state(), t, b - t);
          cut_short = true;
        }
        const double planned = stepper.current_time_step();
        try {
          stepper.do_step(system);
        } catch (const boost::numeric::odeint::step_adjustment_error&) {
          throw SolverError("step size could not be adjusted to meet the tolerances", t,
                            stepper.current_time_step());
        }
        ++stats_.steps;
        const double t_new = stepper.current_time();
        const double h = t_new - stepper.previous_time();
        if (h <= 1e-12 * std::max(1.0, std::abs(t_new))) throw SolverError("step size underflow", t_new, h);
        if (stats_.steps > input_.solver.max_steps) throw SolverError("maximum number of steps exceeded", t_new, h);
        check_state(stepper.current_state(), t_new, h);
        X y = x;
        record_until(t_new, /*inclusive=*/false, [&](double tt, X& yy) { stepper.calc_state(tt, yy); }, y);
        // A step shortened to the cut and accepted as planned says nothing against the longer
        // step the controller had chosen: keep the larger. A rejected step (the controller
        // shrinks by a factor below 0.9) sets it anew.
        const double proposal = stepper.current_time_step();
        dt = cut_short && h > 0.99 * planned ? std::max(dt, proposal) : proposal;
        cut_short = false;
      }
      x = stepper.current_state();
    }
    apply_boluses_at(input_.t_end, input_.doses, x);
    record_until(input_.t_end, /*inclusive=*/true, [&](double, X& y) { y = x; }, x);
  }

  /// One grid of recording times and where its rows go ([row][time], row-major).
  struct Recording {
    const std::vector<double>* times;
    std::vector<double>* values;
    std::size_t next = 0;
  };

  /// The dose breakpoints and the task's extra cuts inside the span, sorted and unique.
  std::vector<double> segment_cuts() const {
    std::vector<double> cuts = dose_breakpoints(input_.t_start, input_.t_end, input_.doses);
    for (double c : input_.cuts)
      if (c > input_.t_start && c < input_.t_end) cuts.push_back(c);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
  }

  /// Index of cut `t`; an Error when the integration does not restart at `t`.
  static std::size_t cut_index(const std::vector<double>& cuts, double t, const char* what) {
    const auto it = std::find(cuts.begin(), cuts.end(), t);
    if (it == cuts.end() || it + 1 == cuts.end())
      throw Error(std::string("cannot ") + what + " at day " + std::to_string(t) +
                  ": it is not a segment cut before the end of the task (list it under checkpoints:)");
    return static_cast<std::size_t>(it - cuts.begin());
  }

  /// The state at cut `t` (before its doses) and what was recorded before it.
  template <typename X, typename Stepper>
  void capture(const X& x, double t, double dt, const Stepper& stepper) {
    IntegrationState c;
    c.time = t;
    c.state.assign(x.begin(), x.end());
    c.next_step = dt;
    c.peak.assign(peak_.begin(), peak_.end());
    if constexpr (requires { stepper.controller_memory(); }) c.controller = stepper.controller_memory();
    c.stats = stats_;
    c.trajectory_columns = recordings_[0].next;
    c.sample_columns = recordings_[1].next;
    c.trajectories = recorded_prefix(recordings_[0]);
    c.samples = recorded_prefix(recordings_[1]);
    captured_ = std::move(c);
  }

  static std::vector<double> recorded_prefix(const Recording& r) {
    const std::size_t n = r.times->size();
    std::vector<double> prefix;
    prefix.reserve((kStates + kObservables) * r.next);
    for (std::size_t row = 0; row < kStates + kObservables; ++row)
      prefix.insert(prefix.end(), r.values->begin() + static_cast<std::ptrdiff_t>(row * n),
                    r.values->begin() + static_cast<std::ptrdiff_t>(row * n + r.next));
    return prefix;
  }

  /// Takes over a captured state: x0, counters, peaks and the rows recorded before its time.
  void resume_from(const IntegrationState& r) {
    constexpr std::size_t rows = kStates + kObservables;
    if (r.state.size() != kStates || r.peak.size() != kStates ||
        r.trajectory_columns > input_.output_times.size() || r.sample_columns > input_.sample_times.size() ||
        r.trajectories.size() != rows * r.trajectory_columns || r.samples.size() != rows * r.sample_columns)
      throw Error("the state to resume from does not fit this task (sizes of state or records differ)");
    std::copy(r.state.begin(), r.state.end(), x0_.begin());
    std::copy(r.peak.begin(), r.peak.end(), peak_.begin());
    stats_ = r.stats;
    const std::pair<const std::vector<double>*, std::size_t> prefixes[2] = {{&r.trajectories, r.trajectory_columns},
                                                                            {&r.samples, r.sample_columns}};
    for (std::size_t k = 0; k < 2; ++k) {
      Recording& rec = recordings_[k];
      const auto [values, columns] = prefixes[k];
      const std::size_t n = rec.times->size();
      for (std::size_t row = 0; row < rows; ++row)
        std::copy_n(values->begin() + static_cast<std::ptrdiff_t>(row * columns), columns,
                    rec.values->begin() + static_cast<std::ptrdiff_t>(row * n));
      rec.next = columns;
    }
  }

  /// Records every pending time of both grids before `t` (or at `t` when inclusive).
  template <typename Fill, typename X>
  void record_until(double t, bool inclusive, Fill fill, X& scratch) {
    for (Recording& r : recordings_) {
      const std::vector<double>& times = *r.times;
      const std::size_t n_times = times.size();
      while (r.next < n_times && (times[r.next] < t || (inclusive && times[r.next] == t))) {
        const double tt = times[r.next];
        fill(tt, scratch);
        for (std::size_t i = 0; i < kStates; ++i) (*r.values)[i * n_times + r.next] = scratch[i];
        if constexpr (kObservables > 0) {
          std::array<double, kObservables> obs{};
          State xs;
          for (std::size_t i = 0; i < kStates; ++i) xs[i] = scratch[i];
          model_.observe(xs.data(), tt, obs.data());
          for (std::size_t k = 0; k < kObservables; ++k) (*r.values)[(kStates + k) * n_times + r.next] = obs[k];
        }
        ++r.next;
      }
    }
  }

  template <typename X>
  void check_state(const X& x, double t, double h) {
    for (std::size_t i = 0; i < kStates; ++i) {
      const double v = x[i];
      if (!std::isfinite(v))
        throw SolverError("state variable '" + std::string(M::kVariables[i].name) + "' is not finite", t, h);
      peak_[i] = std::max(peak_[i], std::abs(v));
      const double tolerance = 10.0 * (input_.solver.atol + input_.solver.rtol * peak_[i]);
      if (M::kVariables[i].nonnegative && v < -tolerance)
        throw SolverError("population '" + std::string(M::kVariables[i].name) + "' became negative (" +
                              std::to_string(v) + ")",
                          t, h);
    }
  }

  void run_dopri5() {
    namespace odeint = boost::numeric::odeint;
    const auto& s = input_.solver;
    auto stepper = odeint::make_dense_output(s.atol, s.rtol, s.max_step, odeint::runge_kutta_dopri5<State>());
    State x = x0_;
    integrate(stepper, x, [this](const State& y, State& dydt, double t) { evaluate(y, dydt, t); });
  }

  void run_rosenbrock() {
    using Stepper = RosenbrockDenseStepper<kStates>;
    const auto& s = input_.solver;
    Stepper stepper(s.atol, s.rtol, s.max_step);
    State x = x0_;
    auto rhs = [this](const State& y, State& dydt, double t) { evaluate(y, dydt, t); };
    auto jacobian = [this](const State& y, typename Stepper::Matrix& J, double t, State& dfdt) {
      model_jacobian<M, kStates>(model_, y.data(), t, [&](std::size_t i, std::size_t j, double v) {
        J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v;
      });
      // The model may depend on t explicitly (e.g. time-varying clearance): forward difference.
      const double h = 1e-7 * std::max(1.0, std::abs(t));
      State f0, f1;
      model_.rhs(y.data(), f0.data(), t);
      model_.rhs(y.data(), f1.data(), t + h);
      stats_.rhs_evaluations += 2;
      for (std::size_t i = 0; i < kStates; ++i) dfdt[i] = (f1[i] - f0[i]) / h;
    };
    integrate(stepper, x, std::make_pair(rhs, jacobian));
  }

  const TaskInput& input_;
  M model_;
  State x0_{};
  std::array<double, kStates> rate_{};
  std::array<double, kStates> peak_{};
  std::array<Recording, 2> recordings_{};  ///< the output grid and the sample times (scans)
  SolverStats stats_;
  std::optional<IntegrationState> captured_;
};

/// Entry point stored in the model registry.
template <Model M>
TaskOutput simulate(const TaskInput& input) {
  return Simulator<M>(input).run();
}

}  // namespace icbsim
