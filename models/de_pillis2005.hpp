// de Pillis, Radunskaya & Wiseman 2005 (Cancer Res 65:7950): tumour cells, NK cells and
// tumour-specific CD8+ T cells with ratio-dependent CTL killing. Parameters: BioModels
// MODEL1907260001 (mouse, non-ligand-transduced "nn" set).
#pragma once

#include <array>
#include <cmath>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/parameter_values.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models {

class DePillis2005 {
 public:
  static constexpr std::string_view kName = "de_pillis2005";
  static constexpr std::string_view kDescription =
      "Tumour, NK and CD8+ T cells; ratio-dependent CD8 killing D = d(L/T)^l/(s+(L/T)^l), CD8 recruitment by the "
      "killing flux";
  static constexpr std::string_view kReference =
      "de Pillis LG, Radunskaya AE, Wiseman CL. Cancer Res 2005;65(17):7950-7958; BioModels MODEL1907260001";

  static constexpr std::array<VariableSpec, 3> kVariables{{
      {"T", "cells", 100.0, true, "tumour cells; initial value from MODEL1907260001"},
      {"N", "cells", 1000.0, true, "NK cells; initial value from MODEL1907260001"},
      {"L", "cells", 0.0, true, "tumour-specific CD8+ T cells; initial value from MODEL1907260001"},
  }};

  static constexpr std::string_view kSource = "de Pillis 2005; MODEL1907260001 (mouse nn)";
  static constexpr std::array<ParameterSpec, 16> kParameters{{
      {"a", "1/day", 0.514, 0, kUnbounded, "tumour growth rate", kSource},
      {"b", "1/cell", 1.02e-9, 0, kUnbounded, "inverse tumour carrying capacity", kSource},
      {"c", "1/(cell*day)", 3.23e-7, 0, kUnbounded, "NK kill rate", kSource},
      {"d", "1/day", 1.43, 0, kUnbounded, "maximal CD8 kill fraction", kSource},
      {"l", "", 0.58, 0, kUnbounded, "kill exponent lambda", kSource},
      {"s", "", 2.73, 0, kUnbounded, "half-saturation of (L/T)^lambda", kSource},
      {"sigma", "cells/day", 1.3e4, 0, kUnbounded, "NK source", kSource},
      {"f", "1/day", 0.0412, 0, kUnbounded, "NK death rate", kSource},
      {"g", "1/day", 0.025, 0, kUnbounded, "maximal NK recruitment", kSource},
      {"h", "cell^2", 2.02e7, 0, kUnbounded, "NK recruitment steepness", kSource},
      {"p", "1/(cell*day)", 1.0e-7, 0, kUnbounded, "NK inactivation by tumour", kSource},
      {"m", "1/day", 0.02, 0, kUnbounded, "CD8 death rate", kSource},
      {"j", "1/day", 0.0375, 0, kUnbounded, "maximal CD8 recruitment", kSource},
      {"k", "cell^2/day^2", 2.02e7, 0, kUnbounded,
       "CD8 recruitment steepness (on the squared killing flux; the table prints cells^2)", kSource},
      {"q", "1/(cell*day)", 3.42e-10, 0, kUnbounded, "CD8 inactivation by tumour", kSource},
      {"r", "1/(cell*day)", 1.1e-7, 0, kUnbounded, "CD8 stimulation by NK-tumour debris", kSource},
  }};

  static constexpr std::array<VariableSpec, 1> kObservables{{
      {"D", "1/day", 0.0, false, "fractional CD8 kill rate d(L/T)^l/(s+(L/T)^l)"},
  }};

  explicit DePillis2005(std::span<const double> p) : par_(p) {}

  /// dT = aT(1−bT) − cNT − DT ; dN = σ − fN + gT²/(h+T²)N − pNT ; dL = −mL + j(DT)²/(k+(DT)²)L − qLT + rNT
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double /*t*/) const {
    const Real& T = x[0];
    const Real& N = x[1];
    const Real& L = x[2];
    const Real D = kill_fraction(T, L);
    const Real kill = D * T;
    dxdt[0] = par_.get<"a">() * T * (1.0 - par_.get<"b">() * T) - par_.get<"c">() * N * T - kill;
    dxdt[1] = par_.get<"sigma">() - par_.get<"f">() * N + par_.get<"g">() * T * T / (par_.get<"h">() + T * T) * N -
              par_.get<"p">() * N * T;
    dxdt[2] = -par_.get<"m">() * L + par_.get<"j">() * kill * kill / (par_.get<"k">() + kill * kill) * L -
              par_.get<"q">() * L * T + par_.get<"r">() * N * T;
  }

  void observe(const double* x, double, double* out) const { out[0] = kill_fraction(x[0], x[2]); }

 private:
  template <typename Real>
  Real kill_fraction(const Real& T, const Real& L) const {
    using std::pow;
    if (!(T > 0.0) || !(L > 0.0)) return Real(0.0);
    const Real ratio = pow(L / T, par_.get<"l">());
    return par_.get<"d">() * ratio / (par_.get<"s">() + ratio);
  }

  ParameterValues<kParameters> par_;
};

}  // namespace icbsim::models
