// Checkpoint block of the NSCLC checkpoint model: IFN-γ from engaged T cells (quasi-steady state),
// the tumour's JAK-dependent IFN-γ signalling that induces PD-L1 and MHC-I, PD-1/PD-L1 engagement
// with its Hill-type inhibition of T-cell function (QSP-IO H_PD1) relieved by antibody occupancy,
// and an alternative-checkpoint factor (TIM-3/LAG-3/TIGIT) that no slot relieves.
#pragma once

#include <array>
#include <cmath>
#include <numbers>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models::nsclc {

struct CheckpointBlock {
  static constexpr std::array<ParameterSpec, 14> kParameters{{
      {"tumour_pdl1_base", "", 1.0, 0, 100,
       "constitutive tumour PD-L1, relative (1 = reference PD-L1-expressing tumour)",
       "reference value 1 (definition of the relative scale); PD-L1-negative tumours ~0 (Gomatou 2025)"},
      {"tumour_pdl1_ifng_fold", "", 6.0, 1, 100, "fold induction of tumour PD-L1 at saturating IFN-γ signalling",
       "QSP-IO r_PDL1_IFNg = 6 (Wang 2023), from Shin 2017"},
      {"stromal_pdl1", "", 0.2, 0, 100, "PD-L1 of myeloid/stromal cells met by T cells, in tumour PD-L1 units",
       "assumed: a minor share next to tumour PD-L1 (QSP-IO APC_PDL1 ~2.2e5 molecules/APC, Wang 2023, on the "
       "few APCs in the synapse); it keeps a small PD-1 axis in PD-L1-negative tumours (OAK TC0/IC0 still benefit, "
       "OS HR 0.75, Rittmeyer 2017)"},
      {"checkpoint_half", "", 4.5, 1e-6, 1e3,
       "engaged PD-1/PD-L1 (PD-L1 units x free fractions) for half-maximal inhibition",
       "calibrated (QSP-IO PD1_50 = 6 molecules/um^2, Jafarnejad 2019, rescaled to the relative PD-L1 unit): the "
       "IFN-γ-induced PD-L1 of the untreated default gives H_PD1 ~0.5, its untreated volume doubling time is ~170 d "
       "(NSCLC medians 130-260 d, Honda 2009; Mackintosh 2014) and pembrolizumab's ~0.8 tumour occupancy relieves "
       "T-cell function ~1.9-fold"},
      {"checkpoint_hill", "", 2.0, 1, 4, "Hill coefficient of PD-1 inhibition",
       "QSP-IO n_PD1 = 2 (Wang 2023; Jafarnejad 2019)"},
      {"alt_checkpoint", "", 0.2, 0, 100, "TIM-3/LAG-3/TIGIT engagement relative to its half-maximal level",
       "assumed: small in an anti-PD-1-responsive tumour (H_alt = a^2/(1 + a^2) = 0.04); the factor has the H_PD1 form "
       "but no drug slot relieves it (alternative checkpoints sustain exhaustion not relieved by anti-PD-1, Gomatou "
       "2025)"},
      {"ifng_secretion", "nmol/(cell*day)", 1.2e-10, 0, 1e-6, "IFN-γ secretion per engaged effector T cell",
       "assumed: chosen so that an inflamed untreated tumour holds IFN-γ near its half-inducing level (a few pM, "
       "QSP-IO IFNg_50_ind = 2.96 pM, Wang 2023); ~7e4 molecules per cell per day"},
      {"ifng_decay", "1/day", 7.68, 1e-3, 1e3, "IFN-γ degradation rate (tumour interstitium)",
       "QSP-IO k_IFNg_deg = 7.68/day (Wang 2023)"},
      {"ifng_half", "nM", 0.00296, 1e-9, 1e3, "IFN-γ for half-maximal PD-L1 / MHC-I induction and M1 repolarisation",
       "QSP-IO IFNg_50_ind = 2.96 pM (Wang 2023), from Shin 2017"},
      {"jak_signalling", "", 1.0, 0, 1, "JAK1/2 signalling gain of tumour cells (1 intact, 0 JAK1/2 loss)",
       "definition: JAK1/2 loss abolishes IFN-γ-induced PD-L1, MHC-I and growth arrest (Gomatou 2025; Zaretsky 2016)"},
      {"ifng_response_rate", "1/day", 0.5, 1e-3, 100, "rate of the tumour's IFN-γ response (PD-L1/MHC-I turnover)",
       "assumed: PD-L1 and MHC-I surface expression follow IFN-γ within ~2 days"},
      {"mhc_ifng_gain", "", 2.0, 0, 100, "relative increase of MHC-I presentation from no to full IFN-γ signalling",
       "assumed: IFN-γ raises tumour MHC-I presentation ~3-fold (JAK1/2 loss removes the IFN-γ-induced "
       "MHC-I up-regulation, Gomatou 2025); presentation is (1 + gain·signal)/(1 + gain) of its maximum"},
      {"tps_threshold", "", 3.8, 1e-6, 1e3,
       "tumour PD-L1 (relative) above which a tumour cell stains membrane-positive in the TPS assay",
       "calibrated to the PD-L1 prevalence of screened NSCLC (C6: TPS <1 % / 1-49 % / >=50 % ~35/35/30 %, "
       "Huang 2021) at the untreated baseline of the population (docs/models/nsclc_icb.md, 'PD-L1 and TPS')"},
      {"tps_cell_spread", "", 0.41, 0.01, 10, "standard deviation of log PD-L1 between the tumour cells of one lesion",
       "calibrated with tps_threshold to the same prevalences; PD-L1 staining is heterogeneous within NSCLC "
       "lesions (McLaughlin 2016)"},
  }};

  static constexpr std::array<VariableSpec, 1> kVariables{{
      {"ifng_signal", "", 0.641, true,
       "tumour IFN-γ pathway activation (0-1, JAK-gated) driving PD-L1 and MHC-I; default: the untreated default "
       "tumour's run-in value (docs/models/nsclc_icb.md)"},
  }};

  struct Values {
    double pdl1_base, pdl1_fold, stromal_pdl1, half, hill, alt_inhibition, ifng_secretion, ifng_decay, ifng_half, jak,
        response_rate, mhc_gain, tps_threshold, tps_spread;
    explicit Values(std::span<const double> p)
        : pdl1_base(p[index_of(kParameters, "tumour_pdl1_base")]),
          pdl1_fold(p[index_of(kParameters, "tumour_pdl1_ifng_fold")]),
          stromal_pdl1(p[index_of(kParameters, "stromal_pdl1")]),
          half(p[index_of(kParameters, "checkpoint_half")]),
          hill(p[index_of(kParameters, "checkpoint_hill")]),
          alt_inhibition(hill_fraction(p[index_of(kParameters, "alt_checkpoint")], 1.0, 2.0)),
          ifng_secretion(p[index_of(kParameters, "ifng_secretion")]),
          ifng_decay(p[index_of(kParameters, "ifng_decay")]),
          ifng_half(p[index_of(kParameters, "ifng_half")]),
          jak(p[index_of(kParameters, "jak_signalling")]),
          response_rate(p[index_of(kParameters, "ifng_response_rate")]),
          mhc_gain(p[index_of(kParameters, "mhc_ifng_gain")]),
          tps_threshold(p[index_of(kParameters, "tps_threshold")]),
          tps_spread(p[index_of(kParameters, "tps_cell_spread")]) {}

    /// Tumour PD-L1 [relative]: base·(1 + (fold − 1)·signal).
    template <class Real>
    Real tumour_pdl1(const Real& signal) const {
      return pdl1_base * (1.0 + (pdl1_fold - 1.0) * signal);
    }
    /// True tumour proportion score [%]: the share of tumour cells whose PD-L1, log-normal around the
    /// lesion's level with spread tps_spread, exceeds tps_threshold: 100·Φ(ln(L/threshold)/spread).
    double tps_pct(double tumour_pdl1_level) const {
      if (!(tumour_pdl1_level > 0.0)) return 0.0;
      return 50.0 * std::erfc(-std::log(tumour_pdl1_level / tps_threshold) / (tps_spread * std::numbers::sqrt2));
    }
    /// MHC-I presentation relative to its IFN-γ-induced maximum [-]: (1 + gain·signal)/(1 + gain).
    template <class Real>
    Real mhc(const Real& signal) const {
      return (1.0 + mhc_gain * signal) / (1.0 + mhc_gain);
    }
    /// H_PD1 = B^n/(B^n + half^n), B = (1 − RO_PD1)(1 − RO_PD-L1)(tumour PD-L1 + stromal PD-L1).
    template <class Real>
    Real pd1_inhibition(const Real& tumour_pdl1_level, const Real& ro_pd1, const Real& ro_pdl1) const {
      using std::pow;
      const Real engaged = (1.0 - ro_pd1) * (1.0 - ro_pdl1) * (tumour_pdl1_level + stromal_pdl1);
      // Clamp (not a branch of the model): a state a rounding error below 0 must not give pow() a negative base.
      const Real base = engaged > 0.0 ? Real(engaged / half) : Real(0.0 * engaged);
      const Real b = pow(base, hill);
      return b / (1.0 + b);
    }
    /// IFN-γ [nM] at quasi-steady state: secretion·(engaged T cells)/(tumour volume [L])/decay.
    template <class Real>
    Real ifng(const Real& engaged_t_cells, const Real& per_litre) const {
      return ifng_secretion * engaged_t_cells * per_litre / ifng_decay;
    }
    /// Target of the IFN-γ signalling state: jak·I/(I + I50).
    template <class Real>
    Real signal_target(const Real& ifng_nm) const {
      return jak * ifng_nm / (ifng_nm + ifng_half);
    }
  };

  /// x^n/(x^n + half^n) for plain doubles.
  static double hill_fraction(double x, double half_value, double n) {
    const double b = std::pow(x / half_value, n);
    return b / (1.0 + b);
  }
};

}  // namespace icbsim::models::nsclc
