// Test support: global-sensitivity test functions run as models (registered in tests only), so that a sweep's whole
// path (scenario, design, tasks, HDF5, analysis) can be checked against analytic Sobol' indices: the Ishigami function
// (Ishigami & Homma 1990; indices in Saltelli et al. 2008, Global Sensitivity Analysis, §4.2) and
// Sobol's G-function (Saltelli & Sobol' 1995, Reliab Eng Syst Saf 50:225). Not biology: each has
// one constant state and reports the function value as an observable.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::testing {

/// The shape both test functions share: N parameters, one constant state, the function value as
/// the only observable (computed by the derived class's observe()).
template <std::size_t N>
class ConstantStateFunction {
 public:
  static constexpr std::array<VariableSpec, 1> kVariables{{
      {"hold", "1", 0.0, false, "constant state (dhold/dt = 0); the function value is the observable"},
  }};

  explicit ConstantStateFunction(std::span<const double> p) { std::copy_n(p.begin(), N, p_.begin()); }

  template <typename Real>
  void rhs(const Real* /*x*/, Real* dxdt, double /*t*/) const {
    dxdt[0] = Real(0.0);
  }

 protected:
  std::array<double, N> p_{};
};

class Ishigami : public ConstantStateFunction<5> {
 public:
  static constexpr std::string_view kName = "ishigami";
  static constexpr std::string_view kDescription =
      "Sensitivity test function f = sin x1 + a sin^2 x2 + b x3^4 sin x1 (verification model, not biology)";
  static constexpr std::string_view kReference = "Ishigami T, Homma T. Proc ISUMA 1990:398-403; Saltelli et al. 2008 §4.2";

  static constexpr std::array<ParameterSpec, 5> kParameters{{
      {"x1", "1", 0.0, -std::numbers::pi, std::numbers::pi, "first input, uniform on [-pi, pi] in the standard test",
       "Ishigami & Homma 1990"},
      {"x2", "1", 0.0, -std::numbers::pi, std::numbers::pi, "second input", "Ishigami & Homma 1990"},
      {"x3", "1", 0.0, -std::numbers::pi, std::numbers::pi, "third input", "Ishigami & Homma 1990"},
      {"a", "1", 7.0, 0, kUnbounded, "weight of sin^2 x2", "Saltelli et al. 2008 §4.2 (a = 7)"},
      {"b", "1", 0.1, 0, kUnbounded, "weight of x3^4 sin x1", "Saltelli et al. 2008 §4.2 (b = 0.1)"},
  }};
  static constexpr std::array<VariableSpec, 1> kObservables{{
      {"f", "1", 0.0, false, "the Ishigami function at the parameters x1, x2, x3"},
  }};

  using ConstantStateFunction::ConstantStateFunction;

  void observe(const double*, double, double* out) const {
    const auto& [x1, x2, x3, a, b] = p_;
    out[0] = std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
  }
};

class SobolG : public ConstantStateFunction<8> {
 public:
  static constexpr std::string_view kName = "sobol_g";
  static constexpr std::string_view kDescription =
      "Sensitivity test function g = prod (|4 x_i - 2| + a_i)/(1 + a_i), four inputs (verification model, not biology)";
  static constexpr std::string_view kReference = "Saltelli A, Sobol' IM. Reliab Eng Syst Saf 1995;50:225-239";

  static constexpr std::array<ParameterSpec, 8> kParameters{{
      {"x1", "1", 0.5, 0, 1, "first input, uniform on [0, 1]", "Saltelli & Sobol' 1995"},
      {"x2", "1", 0.5, 0, 1, "second input", "Saltelli & Sobol' 1995"},
      {"x3", "1", 0.5, 0, 1, "third input", "Saltelli & Sobol' 1995"},
      {"x4", "1", 0.5, 0, 1, "fourth input", "Saltelli & Sobol' 1995"},
      {"a1", "1", 0.0, 0, kUnbounded, "importance of x1 (small a: important)", "assumed: the common choice a = (0, 1, 4.5, 99)"},
      {"a2", "1", 1.0, 0, kUnbounded, "importance of x2", "assumed: the common choice a = (0, 1, 4.5, 99)"},
      {"a3", "1", 4.5, 0, kUnbounded, "importance of x3", "assumed: the common choice a = (0, 1, 4.5, 99)"},
      {"a4", "1", 99.0, 0, kUnbounded, "importance of x4", "assumed: the common choice a = (0, 1, 4.5, 99)"},
  }};
  static constexpr std::array<VariableSpec, 1> kObservables{{
      {"g", "1", 0.0, false, "the G-function at the parameters x1..x4"},
  }};

  using ConstantStateFunction::ConstantStateFunction;

  void observe(const double*, double, double* out) const {
    double g = 1.0;
    for (std::size_t i = 0; i < 4; ++i) g *= (std::abs(4.0 * p_[i] - 2.0) + p_[i + 4]) / (1.0 + p_[i + 4]);
    out[0] = g;
  }
};

}  // namespace icbsim::testing
