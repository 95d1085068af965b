// T-cell block of the NSCLC checkpoint model: trafficking of primed effectors into the tumour
// through the stromal/TGF-β barrier (raised by IFN-γ-induced chemokines), ratio-dependent killing
// (QSP-IO form), antigen-driven proliferation, PD-1/alternative-checkpoint-driven exhaustion and
// reinvigoration, and effector death (raised by corticosteroids).
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models::nsclc {

struct TCellBlock {
  static constexpr std::array<ParameterSpec, 13> kParameters{{
      {"kill_rate", "1/day", 0.9, 0, 100, "maximal kill rate of a recognised tumour cell by effector CD8 T cells",
       "QSP-IO k_C_Tcell = 0.9/day (NSCLC set of Wang 2023, from Robertson-Tessi 2012); with it the untreated "
       "default grows with VDT ~170 d (NSCLC medians 130-260 d: Honda 2009; Mackintosh 2014)"},
      {"kill_ratio_half", "", 1.2, 1e-6, 1e3, "effector:tumour ratio scale of killing, E/(K·N + E)",
       "QSP-IO K_T_C = 1.2 (Wang 2023), from Robertson-Tessi 2012"},
      {"cd8_proliferation", "1/day", 0.03, 0, 10, "maximal antigen-driven proliferation of intratumoural effectors",
       "assumed: far below QSP-IO k_CD8_pro = 1.0/day (lymph node, Wang 2023): in the tumour bed expansion is "
       "slow and checkpoint-inhibited; most effectors arrive from the lymph node"},
      {"cd8_stimulation_half", "", 1.0, 1e-6, 1e3, "effector per recognisable tumour cell for half-maximal stimulation",
       "assumed: stimulation Nrec/(Nrec + K·E) saturates when effectors outnumber targets"},
      {"cd8_death", "1/day", 0.02, 0, 10, "death rate of intratumoural effector CD8 T cells",
       "assumed: 2x QSP-IO k_CD8_death = 0.01/day (Wang 2023) in the hostile tumour bed; corticosteroids raise it"},
      {"blood_cd8_death", "1/day", 0.05, 0, 10, "death/contraction rate of circulating primed effectors",
       "assumed: contraction of the effector pool over ~3 weeks"},
      {"exhaustion_rate", "1/day", 0.05, 0, 10, "maximal rate of effector exhaustion under checkpoint engagement",
       "assumed: half of QSP-IO k_Tcell = 0.1/day (T exhaustion by cancer cells, estimated in Wang 2023)"},
      {"reinvigoration_rate", "1/day", 0.02, 0, 10, "maximal reinvigoration of exhausted (progenitor) cells",
       "assumed: PD-1 blockade re-expands progenitor-exhausted cells within weeks (Huang 2017 Nature, melanoma)"},
      {"exhausted_death", "1/day", 0.02, 0, 10, "death rate of exhausted CD8 T cells", "assumed: as effectors"},
      {"infiltration_rate", "1/day", 0.25, 0, 100, "trafficking rate of circulating effectors into the tumour",
       "assumed: a quarter of the circulating primed pool reaches the tumour bed per day without barrier or "
       "chemokines; calibrated with kill_rate to untreated NSCLC doubling times (Honda 2009; Mackintosh 2014)"},
      {"stroma_barrier", "", 0.5, 0, 1e3, "physical stromal/CAF barrier to infiltration, relative",
       "assumed: a third of arriving effectors held in stroma without TGF-β (infiltration 1/(1 + barrier + ...))"},
      {"tgfb_exclusion", "", 2.0, 0, 1e3, "exclusion added by TGF-β at saturation (H_TGFb = 1)",
       "assumed: TGF-β-driven exclusion (Mariathasan 2018) can cut infiltration ~3-fold at saturation"},
      {"ifng_chemokine_gain", "", 2.0, 0, 100, "relative rise of infiltration with tumour IFN-γ signalling",
       "assumed: IFN-γ-induced CXCL9/10 (JAK-dependent) triples recruitment at full signalling"},
  }};

  static constexpr std::array<VariableSpec, 2> kVariables{{
      {"cd8_effector", "cells", 6.86e7, true, "tumour-specific effector CD8 T cells in the tumour; default: untreated run-in value"},
      {"cd8_exhausted", "cells", 5.08e7, true, "exhausted (PD-1-high) CD8 T cells in the tumour; default: untreated run-in value"},
  }};

  struct Values {
    double kill_rate, kill_ratio_half, proliferation, stimulation_half, death, blood_death, exhaustion, reinvigoration,
        exhausted_death, infiltration, stroma_barrier, tgfb_exclusion, chemokine_gain;
    explicit Values(std::span<const double> p)
        : kill_rate(p[index_of(kParameters, "kill_rate")]),
          kill_ratio_half(p[index_of(kParameters, "kill_ratio_half")]),
          proliferation(p[index_of(kParameters, "cd8_proliferation")]),
          stimulation_half(p[index_of(kParameters, "cd8_stimulation_half")]),
          death(p[index_of(kParameters, "cd8_death")]),
          blood_death(p[index_of(kParameters, "blood_cd8_death")]),
          exhaustion(p[index_of(kParameters, "exhaustion_rate")]),
          reinvigoration(p[index_of(kParameters, "reinvigoration_rate")]),
          exhausted_death(p[index_of(kParameters, "exhausted_death")]),
          infiltration(p[index_of(kParameters, "infiltration_rate")]),
          stroma_barrier(p[index_of(kParameters, "stroma_barrier")]),
          tgfb_exclusion(p[index_of(kParameters, "tgfb_exclusion")]),
          chemokine_gain(p[index_of(kParameters, "ifng_chemokine_gain")]) {}

    /// Per-capita infiltration rate of circulating effectors [1/day]:
    /// k_in·(1 + gain·signal)/(1 + barrier + tgfb_exclusion·H_TGFb).
    template <class Real>
    Real infiltration_per_cell(const Real& ifng_signal, const Real& h_tgfb) const {
      return infiltration * (1.0 + chemokine_gain * ifng_signal) / (1.0 + stroma_barrier + tgfb_exclusion * h_tgfb);
    }
    /// Engaged fraction E/(K·N + E) of the ratio-dependent kill [-].
    template <class Real>
    Real engagement(const Real& effectors, const Real& tumour_cells) const {
      return effectors / (kill_ratio_half * tumour_cells + effectors);
    }
    /// Antigen stimulation per effector Nrec/(Nrec + K·E + 1 cell) [-].
    template <class Real>
    Real stimulation(const Real& recognisable, const Real& effectors) const {
      return recognisable / (recognisable + stimulation_half * effectors + 1.0);
    }
  };
};

}  // namespace icbsim::models::nsclc
