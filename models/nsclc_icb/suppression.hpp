// Suppression block of the NSCLC checkpoint model: regulatory T cells, MDSCs, M1/M2 macrophages,
// TGF-β (quasi-steady state, from stroma/CAFs, Tregs and M2 cells) and an optional hypoxia/adenosine
// factor; together they scale effector killing, proliferation and DC maturation.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models::nsclc {

struct SuppressionBlock {
  static constexpr std::array<ParameterSpec, 20> kParameters{{
      {"treg_recruitment", "1/day", 1.5e-4, 0, 10, "Treg recruitment per tumour cell",
       "assumed: Treg:tumour-cell ratio ~0.005 at steady state with treg_death"},
      {"treg_death", "1/day", 0.03, 1e-6, 10, "Treg loss rate in the tumour", "assumed: ~1-month residence"},
      {"treg_suppression", "", 1.0, 0, 1e3, "Treg weight in the suppression factor E/(E + w·Treg + 1)",
       "QSP-IO form T/(T + K_T_Treg·Treg + cell) with K_T_Treg = 11 for its Treg counts (Wang 2023, from "
       "Robertson-Tessi 2012); rescaled to 1 for our Treg:effector ratios (assumed)"},
      {"treg_depletion_ctla4", "1/day", 0.02, 0, 10,
       "Fc-mediated depletion of intratumoural Tregs at full CTLA-4 occupancy",
       "assumed: small (IgG1 anti-CTLA-4 depletes Tregs in mice; human evidence is weak, Sharma 2019)"},
      {"mdsc_recruitment", "1/day", 1.5e-4, 0, 10, "MDSC recruitment per tumour cell",
       "assumed: MDSC:tumour-cell ratio 0.01 at steady state with mdsc_death"},
      {"mdsc_death", "1/day", 0.015, 1e-6, 10, "MDSC loss rate", "QSP-IO k_MDSC_death = 0.015/day (Wang 2023)"},
      {"mdsc_half", "", 0.05, 1e-9, 1e3, "MDSC per tumour cell for half-maximal suppression (arginase, NO)",
       "assumed: the MDSC density form of QSP-IO H_MDSC (ArgI_50, NO_50; Wang 2023) collapsed to one ratio"},
      {"macrophage_recruitment", "1/day", 1e-3, 0, 10, "macrophage (monocyte) recruitment per tumour cell, as M2",
       "assumed: TAMs ~5% of tumour cells at steady state, recruited in the tumour-conditioned (M2) state"},
      {"macrophage_death", "1/day", 0.02, 1e-6, 10, "macrophage loss rate", "assumed: ~7-week residence"},
      {"m1_polarisation", "1/day", 0.02, 0, 100, "M2 -> M1 repolarisation at saturating IFN-γ",
       "QSP-IO k_M1_pol = 0.02/day (Wang 2023, estimated there)"},
      {"m2_polarisation", "1/day", 0.25, 0, 100, "M1 -> M2 polarisation at saturating TGF-β/IL-10",
       "QSP-IO k_M2_pol = 0.25/day (Wang 2023, estimated there)"},
      {"m2_suppression_half", "", 0.2, 1e-9, 1e3, "M2 per tumour cell halving effector function and DC maturation",
       "assumed: M2 TAMs suppress through IL-10/TGF-β and poor antigen presentation (Gomatou 2025)"},
      {"m1_kill", "1/day", 0.02, 0, 100, "tumour-cell kill per (M1 macrophage per tumour cell)",
       "assumed: phagocytic/cytotoxic M1 contribution small next to CD8 killing"},
      {"tgfb_stromal", "nM", 0.05, 0, 100, "TGF-β from stroma and cancer-associated fibroblasts",
       "assumed: a third of TGFb_50_Teff (0.14 nM; Wang 2023, from Robertson-Tessi 2012) in a non-fibrotic tumour; "
       "CAF-rich tumours more"},
      {"tgfb_treg_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "TGF-β secretion per Treg",
       "QSP-IO k_TGFb_Tsec = 1.2e-10 nmol/cell/day (Wang 2023), from Robertson-Tessi 2012"},
      {"tgfb_m2_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "TGF-β secretion per M2 macrophage",
       "assumed: as per Treg (QSP-IO k_TGFb_Tsec, Wang 2023)"},
      {"tgfb_decay", "1/day", 14.3, 1e-3, 1e3, "TGF-β degradation rate", "QSP-IO k_TGFb_deg = 14.3/day (Wang 2023)"},
      {"tgfb_half", "nM", 0.14, 1e-9, 1e3, "TGF-β for half-maximal suppression and exclusion",
       "QSP-IO TGFb_50_Teff = 0.14 nM (Wang 2023), from Robertson-Tessi 2012"},
      {"hypoxia_suppression", "", 0.0, 0, 1, "maximal fractional suppression of T-cell function by hypoxia/adenosine",
       "optional factor, off by default; the hypoxia/adenosine overlay switches it on (metabolic suppression of T "
       "cells, Gomatou 2025; an A2AR occupancy factor, assumed)"},
      {"hypoxia_half_volume", "mL", 30, 1e-6, 1e6, "tumour volume at which hypoxic suppression is half-maximal",
       "assumed: hypoxic cores develop in lesions of a few cm (30 mL ~ 3.9 cm)"},
  }};

  static constexpr std::array<VariableSpec, 4> kVariables{{
      {"treg", "cells", 1.07e7, true, "regulatory T cells in the tumour; default: untreated run-in value"},
      {"mdsc", "cells", 1.9e7, true, "myeloid-derived suppressor cells in the tumour; default: untreated run-in value"},
      {"macrophage_m1", "cells", 9.82e6, true, "M1 (anti-tumour) macrophages in the tumour; default: untreated run-in value"},
      {"macrophage_m2", "cells", 9.07e7, true, "M2 (tumour-associated, suppressive) macrophages; default: untreated run-in value"},
  }};

  struct Values {
    double treg_recruitment, treg_death, treg_suppression, treg_depletion_ctla4, mdsc_recruitment, mdsc_death, mdsc_half,
        macrophage_recruitment, macrophage_death, m1_polarisation, m2_polarisation, m2_half, m1_kill, tgfb_stromal,
        tgfb_treg, tgfb_m2, tgfb_decay, tgfb_half, hypoxia, hypoxia_half_volume;
    explicit Values(std::span<const double> p)
        : treg_recruitment(p[index_of(kParameters, "treg_recruitment")]),
          treg_death(p[index_of(kParameters, "treg_death")]),
          treg_suppression(p[index_of(kParameters, "treg_suppression")]),
          treg_depletion_ctla4(p[index_of(kParameters, "treg_depletion_ctla4")]),
          mdsc_recruitment(p[index_of(kParameters, "mdsc_recruitment")]),
          mdsc_death(p[index_of(kParameters, "mdsc_death")]),
          mdsc_half(p[index_of(kParameters, "mdsc_half")]),
          macrophage_recruitment(p[index_of(kParameters, "macrophage_recruitment")]),
          macrophage_death(p[index_of(kParameters, "macrophage_death")]),
          m1_polarisation(p[index_of(kParameters, "m1_polarisation")]),
          m2_polarisation(p[index_of(kParameters, "m2_polarisation")]),
          m2_half(p[index_of(kParameters, "m2_suppression_half")]),
          m1_kill(p[index_of(kParameters, "m1_kill")]),
          tgfb_stromal(p[index_of(kParameters, "tgfb_stromal")]),
          tgfb_treg(p[index_of(kParameters, "tgfb_treg_secretion")]),
          tgfb_m2(p[index_of(kParameters, "tgfb_m2_secretion")]),
          tgfb_decay(p[index_of(kParameters, "tgfb_decay")]),
          tgfb_half(p[index_of(kParameters, "tgfb_half")]),
          hypoxia(p[index_of(kParameters, "hypoxia_suppression")]),
          hypoxia_half_volume(p[index_of(kParameters, "hypoxia_half_volume")]) {}

    /// TGF-β [nM] at quasi-steady state: stromal + (secretion by Tregs and M2)/(volume [L])/decay.
    template <class Real>
    Real tgfb(const Real& treg, const Real& m2, const Real& per_litre) const {
      return tgfb_stromal + (tgfb_treg * treg + tgfb_m2 * m2) * per_litre / tgfb_decay;
    }
    /// The product of suppression factors on effector function [-]:
    /// E/(E + w·Treg + 1)·(1 − H_MDSC)·(1 − H_TGFb)·1/(1 + m2/m2_half)·(1 − hyp·V/(V + V50)).
    template <class Real>
    Real effector_function(const Real& effectors, const Real& treg, const Real& mdsc_ratio, const Real& h_tgfb,
                           const Real& m2_presentation, const Real& volume_ml) const {
      const Real treg_factor = effectors / (effectors + treg_suppression * treg + 1.0);
      const Real mdsc_factor = mdsc_half / (mdsc_ratio + mdsc_half);
      const Real hypoxia_factor = 1.0 - hypoxia * volume_ml / (volume_ml + hypoxia_half_volume);
      return treg_factor * mdsc_factor * (1.0 - h_tgfb) * m2_presentation * hypoxia_factor;
    }
    /// M2 factor on effector function and DC maturation 1/(1 + (M2/N)/half) [-].
    template <class Real>
    Real m2_factor(const Real& m2_ratio) const {
      return 1.0 / (1.0 + m2_ratio / m2_half);
    }
  };
};

}  // namespace icbsim::models::nsclc
