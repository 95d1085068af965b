// Nikolopoulou, Johnson, Bhattacharyya et al. 2018 (Lett Biomath 5:S137): cancer cells, activated
// CD8+ T cells and anti-PD-1 with the Lai–Friedman PD-1/PD-L1 checkpoint block in quasi-steady
// state. Parameters: BioModels MODEL1908270001; the drug enters as a continuous input gamma_A.
#pragma once

#include <array>
#include <span>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/parameter_values.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models {

class Nikolopoulou2018 {
 public:
  static constexpr std::string_view kName = "nikolopoulou2018";
  static constexpr std::string_view kDescription =
      "Cancer cells C, activated CD8+ T cells T and anti-PD-1 A (densities); checkpoint inhibition "
      "F(Q) = 1/(1+Q/K_TQ) of T-cell activation with Q = sigma*P*L";
  static constexpr std::string_view kReference =
      "Nikolopoulou E, Johnson LR, Harris D, Nagy JD, Stites EC, Kuang Y. Lett Biomath 2018;5(sup1):S137-S159; "
      "BioModels MODEL1908270001";

  static constexpr std::array<VariableSpec, 3> kVariables{{
      {"C", "g/cm^3", 0.3968, true, "cancer cell density; initial value from MODEL1908270001"},
      {"T", "g/cm^3", 0.006, true, "activated CD8+ T-cell density; initial value from MODEL1908270001"},
      {"A", "g/cm^3", 0.0, true, "anti-PD-1 density; initial value from MODEL1908270001"},
  }};

  static constexpr std::string_view kSource = "MODEL1908270001 (Nikolopoulou 2018; Lai & Friedman 2017 constants)";
  static constexpr std::array<ParameterSpec, 20> kParameters{{
      {"lambda_C", "1/day", 0.425, 0, kUnbounded, "cancer growth rate", kSource},
      {"C_K", "g/cm^3", 0.8725, 0, kUnbounded, "cancer carrying capacity", kSource},
      {"eta", "cm^3/(g*day)", 57.5, 0, kUnbounded, "T-cell kill rate", kSource},
      {"lambda_TI12", "1/day", 8.81, 0, kUnbounded, "naive-to-activated T-cell rate via IL-12", kSource},
      {"T_N", "g/cm^3", 6e-4, 0, kUnbounded, "naive T-cell density (constant)", kSource},
      {"I12", "g/cm^3", 1.5e-10, 0, kUnbounded, "IL-12 density (held constant)", kSource},
      {"K_I12", "g/cm^3", 1.5e-10, 0, kUnbounded, "IL-12 half-saturation", kSource},
      {"lambda_TI2", "1/day", 0.5, 0, kUnbounded, "IL-2-driven T-cell proliferation", kSource},
      {"I2", "g/cm^3", 2.37e-11, 0, kUnbounded, "IL-2 density (held constant)", kSource},
      {"K_I2", "g/cm^3", 2.37e-11, 0, kUnbounded, "IL-2 half-saturation", kSource},
      {"K_TQ", "g/cm^3", 1.365e-18, 0, kUnbounded,
       "PD-1/PD-L1 inhibition constant (in the unit of Q; the reference table's (g/cm^3)^2 is unverified)", kSource},
      {"rho_L", "", 1.1615e-6, 0, kUnbounded, "PD-L1 per T-cell density", kSource},
      {"rho_P", "", 5.84e-7, 0, kUnbounded, "PD-1 per T-cell density", kSource},
      {"eps_C", "", 50.5, 0, kUnbounded, "PD-L1 on cancer cells relative to T cells", kSource},
      {"sigma", "cm^3/g", 0.002, 0, kUnbounded, "PD-1/PD-L1 association (quasi-steady state)", kSource},
      {"d_T", "1/day", 0.025, 0, kUnbounded, "T-cell death rate", kSource},
      {"mu_PA", "cm^3/(g*day)", 1.05954e8, 0, kUnbounded, "anti-PD-1 consumption by PD-1 binding", kSource},
      {"d_A", "1/day", 0.7115, 0, kUnbounded, "anti-PD-1 clearance (mouse)", kSource},
      {"gamma", "cm^3/g", 10.0, 0, kUnbounded, "PD-1 blocking per unit anti-PD-1", kSource},
      {"gamma_A", "g/(cm^3*day)", 0.0, 0, kUnbounded, "continuous anti-PD-1 input rate",
       "treatment input of Nikolopoulou 2018; 0 = untreated (the SBML default is 1e-10)"},
  }};

  static constexpr std::array<VariableSpec, 4> kObservables{{
      {"P", "g/cm^3", 0, false, "free PD-1, (rho_P - gamma*A)*T"},
      {"L", "g/cm^3", 0, false, "PD-L1, rho_L*(T + eps_C*C)"},
      {"Q", "g/cm^3", 0, false, "PD-1/PD-L1 complex, sigma*P*L"},
      {"F", "", 0, false, "checkpoint factor 1/(1+Q/K_TQ) on T-cell activation"},
  }};

  explicit Nikolopoulou2018(std::span<const double> p) : par_(p) {}

  /// dT = F(Q)[λ_TI12·T_N·I12/(K_I12+I12) + λ_TI2·T·I2/(K_I2+I2)] − d_T·T ; dC = λ_C·C(1−C/C_K) − ηTC ;
  /// dA = γ_A − μ_PA·P·A − d_A·A. Free PD-1 P = max(0, ρ_P − γA)·T: clamped at full blockade,
  /// where the published form would turn negative.
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double /*t*/) const {
    const Real& C = x[0];
    const Real& T = x[1];
    const Real& A = x[2];
    const Real P = free_pd1(A) * T;
    const Real L = par_.get<"rho_L">() * (T + par_.get<"eps_C">() * C);
    const Real F = 1.0 / (1.0 + par_.get<"sigma">() * P * L / par_.get<"K_TQ">());
    const double il12 = par_.get<"I12">() / (par_.get<"K_I12">() + par_.get<"I12">());
    const double il2 = par_.get<"I2">() / (par_.get<"K_I2">() + par_.get<"I2">());
    dxdt[0] = par_.get<"lambda_C">() * C * (1.0 - C / par_.get<"C_K">()) - par_.get<"eta">() * T * C;
    dxdt[1] = F * (par_.get<"lambda_TI12">() * par_.get<"T_N">() * il12 + par_.get<"lambda_TI2">() * T * il2) -
              par_.get<"d_T">() * T;
    dxdt[2] = par_.get<"gamma_A">() - par_.get<"mu_PA">() * P * A - par_.get<"d_A">() * A;
  }

  void observe(const double* x, double, double* out) const {
    const double P = free_pd1(x[2]) * x[1];
    const double L = par_.get<"rho_L">() * (x[1] + par_.get<"eps_C">() * x[0]);
    const double Q = par_.get<"sigma">() * P * L;
    out[0] = P;
    out[1] = L;
    out[2] = Q;
    out[3] = 1.0 / (1.0 + Q / par_.get<"K_TQ">());
  }

 private:
  template <typename Real>
  Real free_pd1(const Real& A) const {
    const Real free = par_.get<"rho_P">() - par_.get<"gamma">() * A;
    return free > 0.0 ? free : Real(0.0);
  }

  ParameterValues<kParameters> par_;
};

}  // namespace icbsim::models
