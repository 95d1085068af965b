// The systemic half of the hybrid model as an ODE model for the engine's Simulator: nsclc_icb's
// state and right-hand side, with the tumour bed (tumour clones, dying cells, IFN-γ signal,
// intratumoural CD8, Tregs, MDSCs, macrophages) held constant — the lattice carries it and
// overwrites these states after every coupling interval, scaled to the patient — and with the
// two terms that read the tumour bed replaced by coupling inputs measured on the lattice:
//   dD/dt   = dc_act·dc_function·f_M2·A/(A + A50) − k_D·D        A = lattice antigen flux × scale
//   dT_b/dt = expansion·P − ε·T_b − (δ_b + c_lym)·T_b             ε = vascular arrival × extravasation
// Priming P, the naive pool and every drug slot are nsclc_icb's own terms.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "models/nsclc_icb/nsclc_icb.hpp"

namespace icbsim::models::spatial {

class HybridSystemic {
 public:
  using Icb = NsclcIcb;
  static constexpr std::string_view kName = "nsclc_icb_hybrid_systemic";
  static constexpr std::string_view kDescription =
      "nsclc_icb with its tumour bed held and fed by the nsclc_spatial lattice (internal to the spatial mode)";
  static constexpr std::string_view kReference = "docs/models/nsclc_spatial.md";

  /// Coupling inputs appended to the nsclc_icb parameters (set by the coupler, not by users).
  static constexpr std::array<ParameterSpec, 3> kCouplingInputs{{
      {"coupling_antigen_flux", "cells/day", 0, 0, kUnbounded, "lattice antigen flux scaled to the patient",
       "coupling input (docs/models/nsclc_spatial.md)"},
      {"coupling_dc_presentation", "", 1, 0, 1, "M2 factor on DC maturation measured on the lattice",
       "coupling input (docs/models/nsclc_spatial.md)"},
      {"coupling_entry_rate", "1/day", 0, 0, kUnbounded, "per-capita entry rate of blood effectors into the tumour",
       "coupling input (docs/models/nsclc_spatial.md)"},
  }};
  static constexpr std::size_t kIcbParameters = Icb::kParameters.size();
  static constexpr auto kParameters = nsclc::concat(Icb::kParameters, kCouplingInputs);
  static constexpr auto kVariables = Icb::kVariables;
  static constexpr auto kObservables = Icb::kObservables;

  /// States of the tumour bed: held by the ODE, overwritten from the lattice.
  static constexpr std::array<std::size_t, 10> kTumourBed{Icb::kVisible, Icb::kEscape, Icb::kDying,    Icb::kSignal,
                                                          Icb::kEffector, Icb::kExhausted, Icb::kTreg, Icb::kMdsc,
                                                          Icb::kM1,      Icb::kM2};

  explicit HybridSystemic(std::span<const double> p)
      : icb_(p.first(kIcbParameters)),
        priming_(p.subspan(nsclc::offset_of_block(Icb::kParameterBlocks, 2), Icb::kParameterBlocks[2])),
        t_cells_(p.subspan(nsclc::offset_of_block(Icb::kParameterBlocks, 3), Icb::kParameterBlocks[3])),
        antigen_flux_(p[kIcbParameters]),
        presentation_(p[kIcbParameters + 1]),
        entry_rate_(p[kIcbParameters + 2]) {}

  template <class Real>
  void rhs(const Real* x, Real* dxdt, double t) const {
    icb_.rhs(x, dxdt, t);
    const auto k = icb_.template terms<Real>(x, t);
    for (const std::size_t s : kTumourBed) dxdt[s] = Real(0.0);
    dxdt[Icb::kDc] = priming_.dc_maturation(Real(antigen_flux_), Real(presentation_)) - priming_.dc_death * x[Icb::kDc];
    dxdt[Icb::kBlood] = priming_.clonal_expansion * k.priming - entry_rate_ * x[Icb::kBlood] -
                        (t_cells_.blood_death + k.chemo_lymph) * x[Icb::kBlood];
  }

  void observe(const double* x, double t, double* out) const { icb_.observe(x, t, out); }

  const Icb& icb() const noexcept { return icb_; }

 private:
  Icb icb_;
  nsclc::PrimingBlock::Values priming_;
  nsclc::TCellBlock::Values t_cells_;
  double antigen_flux_;
  double presentation_;
  double entry_rate_;
};

}  // namespace icbsim::models::spatial
