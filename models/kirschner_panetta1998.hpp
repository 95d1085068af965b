// Kirschner & Panetta 1998 (J Math Biol 37:235): effector cells, tumour cells and IL-2 with
// adoptive cellular immunotherapy (s1) and IL-2 therapy (s2). Parameters: BioModels
// BIOMD0000000732 with the published Michaelis–Menten IL-2 term (the SBML omits "+ I_L").
#pragma once

#include <array>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/parameter_values.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models {

class KirschnerPanetta1998 {
 public:
  static constexpr std::string_view kName = "kirschner_panetta1998";
  static constexpr std::string_view kDescription =
      "Effector cells, tumour cells and IL-2; tumour antigenicity c, adoptive cell therapy s1, IL-2 therapy s2";
  static constexpr std::string_view kReference =
      "Kirschner D, Panetta JC. J Math Biol 1998;37:235-252; BioModels BIOMD0000000732";

  static constexpr std::array<VariableSpec, 3> kVariables{{
      {"E", "cells", 0.0, true, "effector cells; initial value from BIOMD0000000732"},
      {"T", "cells", 1.0, true, "tumour cells; initial value from BIOMD0000000732"},
      {"IL", "", 0.0, true, "IL-2 concentration in the model's arbitrary units; initial value from BIOMD0000000732"},
  }};

  static constexpr std::array<ParameterSpec, 13> kParameters{{
      {"c", "1/day", 0.035, 0, kUnbounded, "tumour antigenicity (effector recruitment per tumour cell)",
       "BIOMD0000000732; the paper scans 0-0.05"},
      {"mu2", "1/day", 0.03, 0, kUnbounded, "effector death rate", "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"p1", "1/day", 0.1245, 0, kUnbounded, "IL-2-driven effector proliferation",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"g1", "", 2e7, 0, kUnbounded, "half-saturation of IL-2-driven proliferation",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"r2", "1/day", 0.18, 0, kUnbounded, "tumour growth rate", "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"b", "1/cell", 1e-9, 0, kUnbounded, "inverse tumour carrying capacity",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"a", "1/day", 1.0, 0, kUnbounded, "maximal tumour kill rate", "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"g2", "cells", 1e5, 0, kUnbounded, "half-saturation of tumour killing",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"mu3", "1/day", 10.0, 0, kUnbounded, "IL-2 decay rate", "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"p2", "1/(cell*day)", 5.0, 0, kUnbounded, "IL-2 production per effector cell",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"g3", "cells", 1e3, 0, kUnbounded, "half-saturation of IL-2 production",
       "Kirschner & Panetta 1998 Table 1; BIOMD0000000732"},
      {"s1", "cells/day", 0.0, 0, kUnbounded, "adoptive cellular immunotherapy (effector influx)",
       "treatment input; 0 = untreated (BIOMD0000000732)"},
      {"s2", "1/day", 0.0, 0, kUnbounded, "IL-2 therapy (IL-2 influx)", "treatment input; 0 = untreated (BIOMD0000000732)"},
  }};

  static constexpr std::array<VariableSpec, 0> kObservables{};

  explicit KirschnerPanetta1998(std::span<const double> p) : par_(p) {}

  /// dE/dt = cT − μ2E + p1·E·I/(g1+I) + s1 ; dT/dt = r2T(1−bT) − aET/(g2+T) ;
  /// dI/dt = p2·ET/(g3+T) − μ3I + s2
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double /*t*/) const {
    const Real& E = x[0];
    const Real& T = x[1];
    const Real& I = x[2];
    dxdt[0] = par_.get<"c">() * T - par_.get<"mu2">() * E + par_.get<"p1">() * E * I / (par_.get<"g1">() + I) +
              par_.get<"s1">();
    dxdt[1] = par_.get<"r2">() * T * (1.0 - par_.get<"b">() * T) - par_.get<"a">() * E * T / (par_.get<"g2">() + T);
    dxdt[2] = par_.get<"p2">() * E * T / (par_.get<"g3">() + T) - par_.get<"mu3">() * I + par_.get<"s2">();
  }

  void observe(const double*, double, double*) const {}

 private:
  ParameterValues<kParameters> par_;
};

}  // namespace icbsim::models
