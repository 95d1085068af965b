// Kuznetsov, Makalkin, Taylor & Perelson 1994 (Bull Math Biol 56:295): effector–tumour model with
// bistable immune control (dormant vs escape states). Parameters: BioModels BIOMD0000000762.
#pragma once

#include <array>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/parameter_values.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models {

class Kuznetsov1994 {
 public:
  static constexpr std::string_view kName = "kuznetsov1994";
  static constexpr std::string_view kDescription =
      "Effector (CTL) and tumour cells; tumour-stimulated effector proliferation, effector inactivation, "
      "logistic tumour growth (2-D quasi-steady-state form)";
  static constexpr std::string_view kReference =
      "Kuznetsov VA, Makalkin IA, Taylor MA, Perelson AS. Bull Math Biol 1994;56(2):295-321; BioModels BIOMD0000000762";

  static constexpr std::array<VariableSpec, 2> kVariables{{
      {"E", "cells", 3.2e5, true, "effector (CTL) cells; initial value from BIOMD0000000762"},
      {"T", "cells", 5e6, true, "tumour cells; initial value from BIOMD0000000762"},
  }};

  static constexpr std::array<ParameterSpec, 8> kParameters{{
      {"s", "cells/day", 1.3e4, 0, kUnbounded, "normal (non-tumour-driven) influx of effectors",
       "Kuznetsov 1994; BIOMD0000000762"},
      {"p", "1/day", 0.1245, 0, kUnbounded, "maximal tumour-stimulated effector proliferation",
       "Kuznetsov 1994; BIOMD0000000762"},
      {"g", "cells", 2.019e7, 0, kUnbounded, "half-saturation of effector stimulation", "Kuznetsov 1994; BIOMD0000000762"},
      {"m", "1/(cell*day)", 3.422e-10, 0, kUnbounded, "effector inactivation by tumour cells",
       "Kuznetsov 1994; BIOMD0000000762"},
      {"d", "1/day", 0.0412, 0, kUnbounded, "effector death rate", "Kuznetsov 1994; BIOMD0000000762"},
      {"a", "1/day", 0.18, 0, kUnbounded, "maximal tumour growth rate", "Kuznetsov 1994; BIOMD0000000762"},
      {"b", "1/cell", 2.0e-9, 0, kUnbounded, "inverse carrying capacity (K = 5e8 cells)", "Kuznetsov 1994; BIOMD0000000762"},
      {"n", "1/(cell*day)", 1.101e-7, 0, kUnbounded, "tumour killing by effectors", "Kuznetsov 1994; BIOMD0000000762"},
  }};

  static constexpr std::array<VariableSpec, 0> kObservables{};

  explicit Kuznetsov1994(std::span<const double> p) : par_(p) {}

  /// dE/dt = s + pET/(g+T) − mET − dE ;  dT/dt = aT(1 − bT) − nET   [cells/day]
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double /*t*/) const {
    const Real& E = x[0];
    const Real& T = x[1];
    dxdt[0] = par_.get<"s">() + par_.get<"p">() * E * T / (par_.get<"g">() + T) - par_.get<"m">() * E * T -
              par_.get<"d">() * E;
    dxdt[1] = par_.get<"a">() * T * (1.0 - par_.get<"b">() * T) - par_.get<"n">() * E * T;
  }

  void observe(const double*, double, double*) const {}

 private:
  ParameterValues<kParameters> par_;
};

}  // namespace icbsim::models
