// Drug slots of the NSCLC checkpoint model: one template per drug class (antibody, cytotoxic,
// antibody–drug conjugate, vaccine), instantiated once per slot with a tag that holds the slot's
// prefix and default values. Parameters are `<prefix>_<field>`, states `<prefix>_a1` ...; the PK is
// engine/pk's pk_rhs, occupancy engine/pk's OccupancyModel, exposure kill pk::ExposureKill and the
// vaccine boost pk::VaccineBoost. With no drug in a slot (all amounts 0) every term is exactly 0.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"
#include "engine/pk/drug.hpp"
#include "engine/pk/occupancy.hpp"
#include "engine/pk/pk_parameters.hpp"
#include "engine/pk/pk_system.hpp"
#include "models/nsclc_icb/spec_tools.hpp"

namespace icbsim::models::nsclc {

/// One field of a slot's parameter block; the parameter is `<prefix>_<suffix>`.
struct SlotField {
  std::string_view suffix;
  std::string_view unit;
  double min;
  double max;
  std::string_view meaning;
};

/// One state of a slot; the variable is `<prefix>_<suffix>`.
struct SlotState {
  std::string_view suffix;
  std::string_view unit;
  std::string_view meaning;
};

/// The 2-/3-compartment PK fields, in pk::PkParameters order, plus the time origin of CL(t).
inline constexpr std::array<SlotField, 12> kPkFields{{
    {"cl0", "L/day", 0, kUnbounded, "linear clearance at the first dose"},
    {"vc", "L", 1e-6, kUnbounded, "central volume"},
    {"q2", "L/day", 0, kUnbounded, "inter-compartmental clearance central <-> 2nd compartment"},
    {"v2", "L", 0, kUnbounded, "volume of the 2nd compartment (0 = none)"},
    {"q3", "L/day", 0, kUnbounded, "inter-compartmental clearance central <-> 3rd compartment"},
    {"v3", "L", 0, kUnbounded, "volume of the 3rd compartment (0 = none)"},
    {"emax", "", -10, 10, "time-varying CL: log-fold change at t -> infinity (0 = stationary)"},
    {"t50", "day", 1e-6, kUnbounded, "time-varying CL: time of half the change"},
    {"hill", "", 1e-3, 100, "time-varying CL: Hill coefficient"},
    {"vmax", "mg/day", 0, kUnbounded, "parallel Michaelis-Menten elimination capacity (0 = none)"},
    {"km", "mg/L", 1e-9, kUnbounded, "Michaelis-Menten constant"},
    {"t_first_dose", "day", 0, kUnbounded, "time of the first dose: origin of the time-varying CL"},
}};

/// Quasi-equilibrium target binding of an antibody (engine/pk/occupancy.hpp).
inline constexpr std::array<SlotField, 3> kBindingFields{{
    {"kd", "nM", 1e-6, kUnbounded, "equilibrium dissociation constant of target binding"},
    {"mw", "g/mol", 1e3, 1e7, "molecular weight"},
    {"partition", "", 0, 10, "tumour interstitial / plasma concentration"},
}};

/// pk::ExposureKill: rate = kmax*(1 - exp(-sensitivity*C)) at plasma concentration C.
inline constexpr std::array<SlotField, 4> kExposureKillFields{{
    {"tumour_kmax", "1/day", 0, kUnbounded, "maximal kill rate of proliferating tumour cells"},
    {"tumour_sensitivity", "L/mg", 0, kUnbounded, "exposure sensitivity of tumour kill"},
    {"lymphocyte_kmax", "1/day", 0, kUnbounded, "maximal kill rate of proliferating lymphocytes"},
    {"lymphocyte_sensitivity", "L/mg", 0, kUnbounded, "exposure sensitivity of lymphocyte kill"},
}};

/// Antibody-drug conjugate effect: kill of target-expressing cells by bound conjugate.
inline constexpr std::array<SlotField, 4> kAdcEffectFields{{
    {"kill_max", "1/day", 0, kUnbounded, "kill rate of target-expressing tumour cells at full target occupancy"},
    {"target_fraction", "", 0, 1, "fraction of tumour cells expressing the target"},
    {"bystander_fraction", "", 0, 1, "payload kill of antigen-negative neighbours relative to target cells"},
    {"icd", "", 0, kUnbounded, "immunogenicity of conjugate-killed cells relative to immune-killed cells"},
}};

/// Vaccine antigen depot (one compartment) and pk::VaccineBoost.
inline constexpr std::array<SlotField, 4> kVaccineFields{{
    {"cl0", "L/day", 0, kUnbounded, "first-order loss of the antigen depot, as a clearance"},
    {"vc", "L", 1e-6, kUnbounded, "nominal depot volume (loss rate = cl0/vc)"},
    {"boost_max", "", 0, kUnbounded, "maximal relative increase of the priming rate"},
    {"half_boost_amount", "mg", 1e-9, kUnbounded, "depot amount giving half the maximal boost"},
}};

inline constexpr std::array<SlotState, 3> kPkStates{{
    {"a1", "mg", "drug amount, central compartment (IV doses go here)"},
    {"a2", "mg", "drug amount, 2nd compartment"},
    {"a3", "mg", "drug amount, 3rd compartment (unused when v3 = 0)"},
}};
inline constexpr std::array<SlotState, 1> kEliminatedState{{
    {"eliminated", "mg", "cumulative amount eliminated (linear + Michaelis-Menten), for the mass balance"},
}};
inline constexpr std::array<SlotState, 1> kDepotState{{
    {"a1", "mg", "antigen amount in the vaccine depot (doses go here)"},
}};

/// Field tables and state tables of the four slot kinds.
struct AntibodyKind {
  static constexpr auto kFields = concat(kPkFields, kBindingFields);
  static constexpr auto kStates = concat(kPkStates, kEliminatedState);
};
struct CytotoxicKind {
  static constexpr auto kFields = concat(kPkFields, kExposureKillFields);
  static constexpr auto kStates = kPkStates;
};
struct AdcKind {
  static constexpr auto kFields = concat(kPkFields, kBindingFields, kAdcEffectFields);
  static constexpr auto kStates = kPkStates;
};
struct VaccineKind {
  static constexpr auto kFields = kVaccineFields;
  static constexpr auto kStates = kDepotState;
};

/// Names and meanings joined from the slot's tag and the kind's field table (static storage).
template <class Kind, class Tag, std::size_t I>
struct SlotParameterText {
  static constexpr auto kName = join<48>(Tag::kPrefix, "_", Kind::kFields[I].suffix);
  static constexpr auto kMeaning = join<200>(Tag::kLabel, ": ", Kind::kFields[I].meaning);
};
template <class Kind, class Tag, std::size_t I>
struct SlotStateText {
  static constexpr auto kName = join<48>(Tag::kPrefix, "_", Kind::kStates[I].suffix);
  static constexpr auto kMeaning = join<200>(Tag::kLabel, ": ", Kind::kStates[I].meaning);
};

template <class Kind, class Tag, std::size_t... I>
constexpr std::array<ParameterSpec, sizeof...(I)> slot_parameters(std::index_sequence<I...>) {
  static_assert(Tag::kDefaults.size() == sizeof...(I), "one default per field");
  return {{ParameterSpec{SlotParameterText<Kind, Tag, I>::kName.view(), Kind::kFields[I].unit, Tag::kDefaults[I],
                         Kind::kFields[I].min, Kind::kFields[I].max, SlotParameterText<Kind, Tag, I>::kMeaning.view(),
                         Tag::source(Kind::kFields[I].suffix)}...}};
}
template <class Kind, class Tag, std::size_t... I>
constexpr std::array<VariableSpec, sizeof...(I)> slot_variables(std::index_sequence<I...>) {
  return {{VariableSpec{SlotStateText<Kind, Tag, I>::kName.view(), Kind::kStates[I].unit, 0.0, true,
                        SlotStateText<Kind, Tag, I>::kMeaning.view()}...}};
}

/// Declarations of one slot: parameters `<prefix>_<field>` and states `<prefix>_<state>`.
template <class Kind, class Tag>
struct SlotDeclarations {
  static constexpr auto kParameters = slot_parameters<Kind, Tag>(std::make_index_sequence<Kind::kFields.size()>{});
  static constexpr auto kVariables = slot_variables<Kind, Tag>(std::make_index_sequence<Kind::kStates.size()>{});
};

/// Index of `suffix` in a kind's field table (compile time).
template <class Kind>
consteval std::size_t field_index(std::string_view suffix) {
  for (std::size_t i = 0; i < Kind::kFields.size(); ++i)
    if (Kind::kFields[i].suffix == suffix) return i;
  throw "field_index: no such field";
}

/// The PK parameters of a slot from its parameter block (fields in kPkFields order); throws
/// icbsim::Error naming the slot when they are not physical.
inline pk::PkParameters read_slot_pk(std::span<const double> p, std::string_view prefix) {
  pk::PkParameters pk;
  pk.cl0 = p[0];
  pk.vc = p[1];
  pk.q2 = p[2];
  pk.v2 = p[3];
  pk.q3 = p[4];
  pk.v3 = p[5];
  pk.emax = p[6];
  pk.t50 = p[7];
  pk.hill = p[8];
  pk.vmax = p[9];
  pk.km = p[10];
  try {
    pk::validate(pk);
  } catch (const Error& e) {
    throw Error("nsclc_icb drug slot '" + std::string(prefix) + "': " + e.what());
  }
  return pk;
}

/// A slot whose drug follows the 2-/3-compartment PK of engine/pk (antibody, cytotoxic, ADC).
template <class Kind, class Tag>
class PkSlot : public SlotDeclarations<Kind, Tag> {
 public:
  static_assert(kPkFields[0].suffix == "cl0" && kPkFields[11].suffix == "t_first_dose");

  explicit PkSlot(std::span<const double> p) : pk_(read_slot_pk(p, Tag::kPrefix)), t_first_dose_(p[11]) {}

  /// Plasma concentration [mg/L] from the slot's states (a1 first).
  template <class Real>
  Real plasma(const Real* a) const {
    return a[0] / pk_.vc;
  }
  /// d(a1, a2, a3)/dt by pk::pk_rhs, and for antibodies d(eliminated)/dt = CL(t)·C + Vmax·C/(Km + C).
  template <class Real>
  void rhs(const Real* a, Real* da, double t) const {
    pk::pk_rhs(pk_, a, da, t - t_first_dose_);
    if constexpr (Kind::kStates.size() == 4) {
      const Real c = plasma(a);
      da[3] = pk_.clearance(t - t_first_dose_) * c;
      if (pk_.vmax > 0.0) da[3] += pk_.vmax * c / (pk_.km + c);
    }
  }
  const pk::PkParameters& pk_parameters() const noexcept { return pk_; }

 private:
  pk::PkParameters pk_;
  double t_first_dose_;
};

/// Antibody slot: PK + quasi-steady-state occupancy of the target in the tumour interstitium.
template <class Tag>
class AntibodySlot : public PkSlot<AntibodyKind, Tag> {
 public:
  explicit AntibodySlot(std::span<const double> p)
      : PkSlot<AntibodyKind, Tag>(p),
        binding_{p[field_index<AntibodyKind>("mw")], p[field_index<AntibodyKind>("kd")],
                 p[field_index<AntibodyKind>("partition")]} {}

  /// Fraction of target bound in the tumour (and draining lymph node) interstitium [-]; 0 without drug.
  template <class Real>
  Real occupancy(const Real* a) const {
    // = binding_.tumour(C), written with a concrete Real so that automatic differentiation types work.
    const Real c_tumour = this->plasma(a) * binding_.tumour_partition;
    return binding_.plasma(c_tumour);
  }
  const pk::OccupancyModel& binding() const noexcept { return binding_; }

 private:
  pk::OccupancyModel binding_;
};

/// Cytotoxic slot: PK + exposure-driven kill of proliferating tumour cells and lymphocytes.
template <class Tag>
class CytotoxicSlot : public PkSlot<CytotoxicKind, Tag> {
 public:
  explicit CytotoxicSlot(std::span<const double> p)
      : PkSlot<CytotoxicKind, Tag>(p),
        kill_{p[field_index<CytotoxicKind>("tumour_kmax")], p[field_index<CytotoxicKind>("tumour_sensitivity")],
              p[field_index<CytotoxicKind>("lymphocyte_kmax")], p[field_index<CytotoxicKind>("lymphocyte_sensitivity")]} {}

  template <class Real>
  Real tumour_kill(const Real* a) const {
    return kill_.tumour_rate(this->plasma(a));
  }
  template <class Real>
  Real lymphocyte_kill(const Real* a) const {
    return kill_.lymphocyte_rate(this->plasma(a));
  }

 private:
  pk::ExposureKill kill_;
};

/// ADC slot: PK of the conjugate + kill of target-expressing tumour cells in proportion to target
/// occupancy, a bystander share on antigen-negative cells, and immunogenic cell death.
template <class Tag>
class AdcSlot : public PkSlot<AdcKind, Tag> {
 public:
  explicit AdcSlot(std::span<const double> p)
      : PkSlot<AdcKind, Tag>(p),
        binding_{p[field_index<AdcKind>("mw")], p[field_index<AdcKind>("kd")], p[field_index<AdcKind>("partition")]},
        kill_max_(p[field_index<AdcKind>("kill_max")]),
        target_fraction_(p[field_index<AdcKind>("target_fraction")]),
        bystander_(p[field_index<AdcKind>("bystander_fraction")]),
        icd_(p[field_index<AdcKind>("icd")]) {}

  /// Per-cell kill rate averaged over target-positive and target-negative cells [1/day]:
  /// kill_max·RO·(f + (1 − f)·bystander).
  template <class Real>
  Real tumour_kill(const Real* a) const {
    const Real c_tumour = this->plasma(a) * binding_.tumour_partition;
    const Real occupancy = binding_.plasma(c_tumour);
    return kill_max_ * occupancy * (target_fraction_ + (1.0 - target_fraction_) * bystander_);
  }
  double icd() const noexcept { return icd_; }

 private:
  pk::OccupancyModel binding_;
  double kill_max_, target_fraction_, bystander_, icd_;
};

/// Vaccine slot: a one-compartment antigen depot with first-order loss (pk_rhs with no peripheral
/// compartments) and the priming multiplier of pk::VaccineBoost.
template <class Tag>
class VaccineSlot : public SlotDeclarations<VaccineKind, Tag> {
 public:
  explicit VaccineSlot(std::span<const double> p)
      : boost_{p[field_index<VaccineKind>("boost_max")], p[field_index<VaccineKind>("half_boost_amount")]} {
    depot_.cl0 = p[field_index<VaccineKind>("cl0")];
    depot_.vc = p[field_index<VaccineKind>("vc")];
    try {
      pk::validate(depot_);
    } catch (const Error& e) {
      throw Error("nsclc_icb drug slot '" + std::string(Tag::kPrefix) + "': " + e.what());
    }
  }

  template <class Real>
  void rhs(const Real* a, Real* da, double t) const {
    const Real amounts[pk::kPkStates] = {a[0], 0.0 * a[0], 0.0 * a[0]};
    Real d_amounts[pk::kPkStates];
    pk::pk_rhs(depot_, amounts, d_amounts, t);
    da[0] = d_amounts[0];
  }
  /// Priming multiplier 1 + boost_max·A/(A + A50) [-]; exactly 1 with an empty depot.
  template <class Real>
  Real priming_multiplier(const Real* a) const {
    return boost_.priming_multiplier(a[0]);
  }

 private:
  pk::PkParameters depot_;
  pk::VaccineBoost boost_;
};

}  // namespace icbsim::models::nsclc
