// pk_compartmental: the drug-only model — the 2-/3-compartment IV system of engine/pk (time-varying
// and Michaelis–Menten clearance) with its AUC; doses go into A1 (or A2/A3). Used to reproduce the
// population-PK validation values of docs/pk.md and as the PK block other models reuse.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"
#include "engine/pk/pk_parameters.hpp"
#include "engine/pk/occupancy.hpp"
#include "engine/pk/pk_system.hpp"

namespace icbsim::models {

class PkCompartmental {
 public:
  static constexpr std::string_view kName = "pk_compartmental";
  static constexpr std::string_view kDescription =
      "Mammillary 2-/3-compartment IV pharmacokinetics in drug amounts with sigmoid time-varying "
      "clearance CL(t) = CL0*exp(Emax*t^hill/(T50^hill + t^hill)) and parallel Michaelis-Menten elimination";
  static constexpr std::string_view kReference =
      "Bajaj 2017 (time-varying clearance), Baverel 2018 (Michaelis-Menten); defaults: pembrolizumab, Ahamadi M et "
      "al. CPT Pharmacometrics Syst Pharmacol "
      "2017;6:49-57, Table 3 (reference patient 76.8 kg, melanoma)";

  static constexpr std::array<VariableSpec, 4> kVariables{{
      {"A1", "mg", 0.0, true, "drug amount in the central compartment (doses go here)"},
      {"A2", "mg", 0.0, true, "drug amount in the 2nd (peripheral) compartment"},
      {"A3", "mg", 0.0, true, "drug amount in the 3rd (deep) compartment; unused when V3 = 0"},
      {"AUC", "mg*day/L", 0.0, true, "area under the central concentration curve since t_start"},
  }};
  static constexpr std::size_t kCentral = 0;  ///< state index receiving IV doses

  static constexpr std::string_view kAhamadi = "Ahamadi 2017 Table 3 (pembrolizumab typical value)";
  static constexpr std::array<ParameterSpec, 15> kParameters{{
      {"CL0", "L/day", 0.22, 0, kUnbounded, "linear clearance at the first dose", kAhamadi},
      {"Vc", "L", 3.48, 1e-6, kUnbounded, "central volume of distribution", kAhamadi},
      {"Q2", "L/day", 0.795, 0, kUnbounded, "inter-compartmental clearance central <-> 2nd compartment", kAhamadi},
      {"V2", "L", 4.06, 0, kUnbounded, "volume of the 2nd compartment (0 = none)", kAhamadi},
      {"Q3", "L/day", 0.0, 0, kUnbounded, "inter-compartmental clearance central <-> 3rd compartment",
       "Ahamadi 2017 is a 2-compartment model"},
      {"V3", "L", 0.0, 0, kUnbounded, "volume of the 3rd compartment (0 = none)",
       "Ahamadi 2017 is a 2-compartment model"},
      {"Emax", "", 0.0, -10, 10, "time-varying CL: log-fold change of CL at t -> infinity (0 = stationary)",
       "Ahamadi 2017: time-invariant CL"},
      {"T50", "day", 1.0, 1e-6, kUnbounded, "time-varying CL: time of half the change", "unused when Emax = 0"},
      {"hill", "", 1.0, 1e-3, 100, "time-varying CL: Hill coefficient", "unused when Emax = 0"},
      {"Vmax", "mg/day", 0.0, 0, kUnbounded, "parallel Michaelis-Menten elimination capacity (0 = none)",
       "Ahamadi 2017: linear elimination"},
      {"Km", "mg/L", 1.0, 1e-9, kUnbounded, "Michaelis-Menten constant", "unused when Vmax = 0"},
      {"t_first_dose", "day", 0.0, 0, kUnbounded, "time of the first dose: origin of the time-varying CL",
       "Bajaj 2017: CL(t) with t the time since the first dose"},
      {"kd", "nM", 0.0, 0, kUnbounded, "target-binding dissociation constant (0 = no target: occupancy 0)",
       "set from the drug catalogue for a blocking antibody (QSP-IO NSCLC parameters, Wang 2023)"},
      {"mw", "g/mol", 1.49e5, 1e2, 1e7, "molecular weight, converting mg/L to nM",
       "IgG, 146-149 kDa in the antibodies' prescribing information; set from the drug catalogue"},
      {"partition", "", 1.0, 0, 10, "tumour interstitial / plasma concentration ratio",
       "set from the drug catalogue (docs/pk.md, occupancy)"},
  }};

  static constexpr std::array<VariableSpec, 4> kObservables{{
      {"C", "mg/L", 0, false, "central (plasma) concentration A1/Vc"},
      {"CL", "L/day", 0, false, "linear clearance CL(t) at the time since the first dose"},
      {"occupancy_plasma", "", 0, false, "target occupancy in plasma at quasi-equilibrium, C/(C + Kd)"},
      {"occupancy_tumour", "", 0, false, "target occupancy in the tumour, partition*C/(partition*C + Kd)"},
  }};

  explicit PkCompartmental(std::span<const double> p)
      : t_first_dose_(p[index_of(kParameters, "t_first_dose")]),
        occupancy_{p[index_of(kParameters, "mw")], p[index_of(kParameters, "kd")], p[index_of(kParameters, "partition")]} {
    pk_.cl0 = p[index_of(kParameters, "CL0")];
    pk_.vc = p[index_of(kParameters, "Vc")];
    pk_.q2 = p[index_of(kParameters, "Q2")];
    pk_.v2 = p[index_of(kParameters, "V2")];
    pk_.q3 = p[index_of(kParameters, "Q3")];
    pk_.v3 = p[index_of(kParameters, "V3")];
    pk_.emax = p[index_of(kParameters, "Emax")];
    pk_.t50 = p[index_of(kParameters, "T50")];
    pk_.hill = p[index_of(kParameters, "hill")];
    pk_.vmax = p[index_of(kParameters, "Vmax")];
    pk_.km = p[index_of(kParameters, "Km")];
    try {
      pk::validate(pk_);
    } catch (const Error& e) {
      throw Error(std::string(kName) + ": " + e.what());
    }
  }

  /// The parameter vector (declaration order) of resolved PK parameters.
  static std::vector<double> parameters_from(const pk::PkParameters& pk, double t_first_dose = 0.0) {
    std::vector<double> p(kParameters.size());
    p[index_of(kParameters, "CL0")] = pk.cl0;
    p[index_of(kParameters, "Vc")] = pk.vc;
    p[index_of(kParameters, "Q2")] = pk.q2;
    p[index_of(kParameters, "V2")] = pk.v2;
    p[index_of(kParameters, "Q3")] = pk.q3;
    p[index_of(kParameters, "V3")] = pk.v3;
    p[index_of(kParameters, "Emax")] = pk.emax;
    p[index_of(kParameters, "T50")] = pk.t50;
    p[index_of(kParameters, "hill")] = pk.hill;
    p[index_of(kParameters, "Vmax")] = pk.vmax;
    p[index_of(kParameters, "Km")] = pk.km;
    p[index_of(kParameters, "t_first_dose")] = t_first_dose;
    p[index_of(kParameters, "kd")] = kParameters[index_of(kParameters, "kd")].value;
    p[index_of(kParameters, "mw")] = kParameters[index_of(kParameters, "mw")].value;
    p[index_of(kParameters, "partition")] = kParameters[index_of(kParameters, "partition")].value;
    return p;
  }

  /// pk::pk_rhs on (A1, A2, A3) [mg/day]; dAUC/dt = A1/Vc [mg/L].
  template <typename Real>
  void rhs(const Real* x, Real* dxdt, double t) const {
    pk::pk_rhs(pk_, x, dxdt, t - t_first_dose_);
    dxdt[3] = x[0] / pk_.vc;
  }

  void observe(const double* x, double t, double* out) const {
    out[0] = x[0] / pk_.vc;
    out[1] = pk_.clearance(t - t_first_dose_);
    const bool has_target = occupancy_.kd > 0.0;
    out[2] = has_target ? occupancy_.plasma(out[0]) : 0.0;
    out[3] = has_target ? occupancy_.tumour(out[0]) : 0.0;
  }

  const pk::PkParameters& pk_parameters() const noexcept { return pk_; }

 private:
  pk::PkParameters pk_;
  double t_first_dose_;
  pk::OccupancyModel occupancy_;
};

}  // namespace icbsim::models
