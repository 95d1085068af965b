// Priming block of the NSCLC checkpoint model: antigen from dying tumour cells matures dendritic
// cells in the tumour-draining lymph node; they prime tumour-specific naive CD8 T cells (host pool
// set by thymic output) with gains for antigenicity (TMB), the microbiome, CTLA-4 blockade and
// vaccination; primed cells expand clonally into circulating effectors.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models::nsclc {

struct PrimingBlock {
  static constexpr std::array<ParameterSpec, 13> kParameters{{
      {"thymic_output", "cells/day", 2500, 1e-6, 1e9, "thymic output of tumour-specific naive CD8 precursors",
       "assumed: with naive_turnover it sets a homeostatic pool of 5e5 tumour-specific precursors (~100 neoantigen "
       "clones, QSP-IO n_clones_tum = 92, Jafarnejad 2019, x ~5e3 cells); age lowers it (smaller naive pool: Gomatou "
       "2025; Goronzy 2013)"},
      {"naive_turnover", "1/day", 0.005, 1e-6, 10, "turnover of the naive precursor pool (death and homeostasis)",
       "assumed: ~200-day residence of naive precursors in the recirculating pool (human naive T cells live for "
       "years; the pool is also maintained by homeostatic division)"},
      {"priming_rate", "1/day", 0.0075, 0, 10, "activation rate of naive precursors at saturating mature DCs",
       "calibrated: a few hundred precursors primed per day in the untreated default, which with clonal_expansion "
       "sustains the tumour infiltrate (QSP-IO k_nCD8_act = 23/day, Wang 2023, is per antigen-presenting "
       "contact, not per precursor-day)"},
      {"clonal_expansion", "", 1e4, 0, 1e7, "effector cells produced per primed precursor",
       "assumed: ~13 divisions (2^13 ~ 8e3), the order of QSP-IO's division count N_aT with costimulation and IL-2 "
       "(Wang 2023); corticosteroids lower it"},
      {"antigenicity", "", 1.0, 0, 100, "tumour-specific precursor recruitment relative to a high-TMB NSCLC",
       "reference value 1 = high TMB/neoantigen load (definition); low TMB or oncogene-driven tumours lower it "
       "(fewer tumour-reactive clones, Gomatou 2025; the QSP-IO n_clones_tum, Jafarnejad 2019)"},
      {"microbiome_priming", "", 1.0, 0, 10, "gut-microbiome support of systemic priming, relative",
       "reference value 1 = eubiotic host (definition); antibiotic dysbiosis lowers it (Routy 2018; Gomatou 2025)"},
      {"dc_activation", "cells/day", 2e5, 0, 1e9,
       "maximal maturation of antigen-loaded DCs arriving in the draining LN",
       "assumed: at most ~1e6 mature tumour-antigen DCs in the draining nodes (QSP-IO 21 lung nodes of 1.37 mL in "
       "total; Wang 2023); only the ratio to dc_half enters priming"},
      {"dc_function", "", 1.0, 0, 10, "dendritic-cell recruitment/function, relative",
       "reference value 1 (definition); WNT/β-catenin activation lowers it (Spranger 2015; Gomatou 2025)"},
      {"dc_death", "1/day", 0.2, 1e-3, 100, "loss rate of mature DCs in the lymph node",
       "assumed: mature DCs persist ~5 days in lymph nodes"},
      {"dc_half", "cells", 1e5, 1e-6, 1e12, "mature DCs for half-maximal priming",
       "assumed: several times the DC number of the untreated 3.7-cm default, so priming is near-proportional to "
       "antigen release at clinical sizes (immune pressure then scales with the tumour, without a size threshold) "
       "and saturates only for very large tumours"},
      {"antigen_half", "cells/day", 1e9, 1e-6, 1e15, "tumour-cell death flux for half-maximal DC maturation",
       "assumed: ~80x the dying-cell flux of the untreated 3.7-cm default tumour (~1.2e7 cells/day), for the same "
       "reason"},
      {"priming_gain_ctla4", "", 2.0, 0, 100, "relative increase of priming at full CTLA-4 occupancy",
       "assumed: CTLA-4 blockade frees CD80/CD86 for CD28 costimulation (QSP-IO H_CD28 raises divisions, "
       "Wang 2023); at most a tripling of priming; sweep it"},
      {"icd_cytotoxic", "", 0.3, 0, 1, "immunogenicity of chemotherapy-killed cells relative to immune-killed cells",
       "bounded by 1: a cytotoxic death primes no more than an immune kill. Platinum death is poorly immunogenic "
       "(cisplatin-killed cells failed to vaccinate mice, oxaliplatin-killed cells did: Tesniere 2010); pemetrexed "
       "raised T-cell activation and tumour control with PD-L1 blockade in mice (Lu 2020); assumed 0.3 for the "
       "doublets and docetaxel alike, so chemotherapy response does not follow the tumour's immune state"},
  }};

  static constexpr std::array<VariableSpec, 3> kVariables{{
      {"dc_ln", "cells", 1.29e4, true,
       "mature tumour-antigen-loaded dendritic cells in the draining lymph nodes; default: untreated run-in value"},
      {"naive_fraction", "", 0.863, true,
       "tumour-specific naive CD8 precursors relative to the host's homeostatic pool thymic_output/naive_turnover "
       "(1 = homeostasis); default: untreated run-in value"},
      {"cd8_blood", "cells", 1.21e7, true,
       "primed tumour-specific effector CD8 T cells in blood and lymphoid organs; default: untreated run-in value"},
  }};

  struct Values {
    double thymic_output, naive_turnover, priming_rate, clonal_expansion, antigenicity, microbiome, dc_activation,
        dc_function, dc_death, dc_half, antigen_half, ctla4_gain, icd_cytotoxic;
    explicit Values(std::span<const double> p)
        : thymic_output(p[index_of(kParameters, "thymic_output")]),
          naive_turnover(p[index_of(kParameters, "naive_turnover")]),
          priming_rate(p[index_of(kParameters, "priming_rate")]),
          clonal_expansion(p[index_of(kParameters, "clonal_expansion")]),
          antigenicity(p[index_of(kParameters, "antigenicity")]),
          microbiome(p[index_of(kParameters, "microbiome_priming")]),
          dc_activation(p[index_of(kParameters, "dc_activation")]),
          dc_function(p[index_of(kParameters, "dc_function")]),
          dc_death(p[index_of(kParameters, "dc_death")]),
          dc_half(p[index_of(kParameters, "dc_half")]),
          antigen_half(p[index_of(kParameters, "antigen_half")]),
          ctla4_gain(p[index_of(kParameters, "priming_gain_ctla4")]),
          icd_cytotoxic(p[index_of(kParameters, "icd_cytotoxic")]) {}

    /// Homeostatic naive precursor pool [cells].
    double naive_pool() const { return thymic_output / naive_turnover; }

    /// Priming flux [naive cells/day]: k·antigenicity·microbiome·(1 + g·RO_CTLA4)·vaccine·Nn·D/(D + D50).
    template <class Real>
    Real priming(const Real& naive_cells, const Real& dc, const Real& ro_ctla4, const Real& vaccine) const {
      return priming_rate * antigenicity * microbiome * (1.0 + ctla4_gain * ro_ctla4) * vaccine * naive_cells * dc /
             (dc + dc_half);
    }
    /// DC maturation [cells/day]: activation·function·presentation·Ag/(Ag + Ag50).
    template <class Real>
    Real dc_maturation(const Real& antigen_flux, const Real& presentation) const {
      return dc_activation * dc_function * presentation * antigen_flux / (antigen_flux + antigen_half);
    }
  };
};

}  // namespace icbsim::models::nsclc
