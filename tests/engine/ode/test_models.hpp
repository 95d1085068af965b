// Small models with closed-form solutions, used to test the simulator.
#pragma once

#include <array>
#include <cmath>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::testing {

/// Logistic growth x' = r x (1 − x/K); x(t) = K / (1 + (K/x0 − 1) e^{−rt}).
struct Logistic {
  static constexpr std::string_view kName = "test_logistic";
  static constexpr std::string_view kDescription = "logistic growth";
  static constexpr std::string_view kReference = "closed form";
  static constexpr std::array<VariableSpec, 1> kVariables{{{"x", "cells", 1e3, true, "population"}}};
  static constexpr std::array<ParameterSpec, 2> kParameters{{
      {"r", "1/day", 0.3, 0, kUnbounded, "growth rate", "test"},
      {"K", "cells", 1e6, 0, kUnbounded, "capacity", "test"},
  }};
  static constexpr std::array<VariableSpec, 1> kObservables{{{"fraction", "", 0, false, "x / K"}}};
  explicit Logistic(std::span<const double> p) : r_(p[index_of(kParameters, "r")]), K_(p[index_of(kParameters, "K")]) {}
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double) const {
    dxdt[0] = r_ * x[0] * (1.0 - x[0] / K_);
  }
  void observe(const double* x, double, double* out) const { out[0] = x[0] / K_; }
  double exact(double x0, double t) const { return K_ / (1.0 + (K_ / x0 - 1.0) * std::exp(-r_ * t)); }
  double r_, K_;
};

/// First-order elimination x' = −k x (a one-compartment drug), for dosing tests.
struct Decay {
  static constexpr std::string_view kName = "test_decay";
  static constexpr std::string_view kDescription = "first-order elimination";
  static constexpr std::string_view kReference = "closed form";
  static constexpr std::array<VariableSpec, 1> kVariables{{{"A", "mg", 0.0, true, "amount"}}};
  static constexpr std::array<ParameterSpec, 1> kParameters{{{"k", "1/day", 0.1, 0, kUnbounded, "elimination", "test"}}};
  static constexpr std::array<VariableSpec, 0> kObservables{};
  explicit Decay(std::span<const double> p) : k_(p[0]) {}
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double) const {
    dxdt[0] = -k_ * x[0];
  }
  void observe(const double*, double, double*) const {}
  double k_;
};

/// x' = x², x(0) = 1: blows up at t = 1.
struct BlowUp {
  static constexpr std::string_view kName = "test_blow_up";
  static constexpr std::string_view kDescription = "finite-time blow-up";
  static constexpr std::string_view kReference = "closed form";
  static constexpr std::array<VariableSpec, 1> kVariables{{{"x", "", 1.0, false, "value"}}};
  static constexpr std::array<ParameterSpec, 0> kParameters{};
  static constexpr std::array<VariableSpec, 0> kObservables{};
  explicit BlowUp(std::span<const double>) {}
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double) const {
    dxdt[0] = x[0] * x[0];
  }
  void observe(const double*, double, double*) const {}
};

/// x' = −1 for a population that must stay non-negative: turns negative at t = x0.
struct Drain {
  static constexpr std::string_view kName = "test_drain";
  static constexpr std::string_view kDescription = "constant outflow";
  static constexpr std::string_view kReference = "closed form";
  static constexpr std::array<VariableSpec, 1> kVariables{{{"x", "cells", 1.0, true, "population"}}};
  static constexpr std::array<ParameterSpec, 0> kParameters{};
  static constexpr std::array<VariableSpec, 0> kObservables{};
  explicit Drain(std::span<const double>) {}
  template <typename Real>
  void rhs(const Real*, Real* dxdt, double) const {
    dxdt[0] = Real(-1.0);
  }
  void observe(const double*, double, double*) const {}
};

}  // namespace icbsim::testing
