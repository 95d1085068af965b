// Tumour block of the NSCLC checkpoint model: two clones (antigenic/MHC-I-high and MHC-I-low
// escape) with logistic growth, natural death, IFN-γ growth arrest, dying cells that still occupy
// the lesion until cleared, and the conversion into lesion volume [mL] and diameter [mm].
#pragma once

#include <array>
#include <cmath>
#include <numbers>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim::models::nsclc {

struct TumourBlock {
  static constexpr std::string_view kGrowthSource =
      "calibrated to untreated NSCLC growth: with the default immune attack the untreated 3.7-cm tumour grows with a "
      "volume doubling time of ~170 days (NSCLC medians 130-260 d, Honda 2009; Mackintosh 2014 median growth rate "
      "0.0038/d), without immune attack with ~73 days (fast squamous/screen-detected series, Insubria 80-95 d); QSP-IO "
      "k_C_growth = 0.007/d (Wang 2023, from Usuda 1994) lies between the two net rates";

  static constexpr std::array<ParameterSpec, 11> kParameters{{
      {"tumour_growth_rate", "1/day", 0.0115, 0, 1, "proliferation rate of tumour cells (logistic)", kGrowthSource},
      {"tumour_death", "1/day", 0.002, 0, 1, "natural (non-immune) death rate of tumour cells",
       "assumed: cell loss small against proliferation (QSP-IO k_C_death = 1e-4/d, Wang 2023, is an upper bound "
       "on *unexplained* loss); apoptotic cells also release antigen, so the value sets baseline priming"},
      {"tumour_capacity", "cells", 1e12, 1e6, 1e15, "carrying capacity of the logistic growth",
       "assumed: ~10 L of neoplastic tissue at 1e8 cells/mL, the order of a lethal tumour burden (1e12 cells); at "
       "clinical sizes (1e9-1e10 cells) growth is near-exponential, as Mackintosh 2014 found best"},
      {"cell_density", "cells/mL", 1e8, 1e6, 1e10, "neoplastic cells per mL of tumour (volume = cells/density)",
       "Del Monte 2009: ~1e8 neoplastic cells/cm^3 for epithelial tumours (the "
       "rest of the volume is stroma and host cells) rather than the conventional 1e9"},
      {"tumour_floor", "cells", 1e6, 1, 1e9, "regularising cell number added to the tumour in densities and ratios",
       "assumed: 1e6 cells = 0.01 mL, far below CT detection; keeps immune-cell densities finite when the tumour "
       "is eradicated (QSP-IO adds a one-cell term for the same purpose)"},
      {"visible_clone_mhc", "", 1.0, 0, 1, "antigen presentation (MHC-I) of the antigenic clone, relative",
       "reference value 1 (definition of the relative scale); B2M/HLA loss sets it to ~0 (Gomatou 2025)"},
      {"escape_clone_mhc", "", 0.05, 0, 1, "antigen presentation (MHC-I) of the escape clone, relative",
       "assumed: an MHC-I-low clone presenting 5% of the antigenic clone's level (HLA LOH/B2M-low subclones, "
       "Gomatou 2025; the loss may concern a clone, not necessarily the whole tumour)"},
      {"ifng_growth_arrest", "", 0.3, 0, 1, "fractional reduction of proliferation at full IFN-γ signalling",
       "assumed: IFN-γ is anti-proliferative for tumour cells unless JAK1/2 is lost (JAK1/2 loss removes "
       "IFN-γ growth arrest: Gomatou 2025; Zaretsky 2016); size not quantified in our references"},
      {"proliferating_fraction", "", 0.3, 0, 1, "fraction of tumour cells in cycle (target of cytotoxic kill)",
       "assumed: Ki-67 labelling of NSCLC is typically 20-40%; the catalogue's exposure kill acts on proliferating "
       "cells (engine/pk/drug.hpp ExposureKill)"},
      {"nk_missing_self_kill", "1/day", 0.0, 0, 1, "NK 'missing-self' kill of MHC-I-low cells at zero MHC-I",
       "assumed off: NK 'missing-self' kill may rise on MHC-I loss (Gomatou 2025), but no size is published in our "
       "references; a handle for sweeps"},
      {"dying_clearance", "1/day", 0.05, 1e-3, 100, "clearance of killed tumour cells from the lesion",
       "structure: Simeoni et al. Cancer Res 2004;64:1094 (damaged cells keep contributing to tumour size until "
       "cleared); rate assumed: dead tumour tissue resorbed over ~3 weeks, so that responders reach RECIST PR at the "
       "first scans (KEYNOTE-024 median time to response 2.2 months, Reck 2016) rather than within days"},
  }};

  static constexpr std::array<VariableSpec, 3> kVariables{{
      {"tumour_visible", "cells", 2.42e9, true,
       "antigenic (MHC-I-high) tumour cells; default: with the dying cells a 26.5-mL lesion, the 3.7-cm reference "
       "tumour of QSP-IO (initial_tumour_diameter of Wang 2023, from Rittmeyer 2017)"},
      {"tumour_escape", "cells", 2.42e5, true,
       "MHC-I-low escape tumour cells; default: a 1e-4 subclone of the antigenic clone (assumed)"},
      {"tumour_dying", "cells", 2.31e8, true,
       "killed tumour cells not yet cleared (part of the lesion volume); default: untreated run-in value"},
  }};

  struct Values {
    double growth_rate, death, capacity, density, floor, visible_mhc, escape_mhc, growth_arrest, proliferating,
        nk_kill, dying_clearance;
    explicit Values(std::span<const double> p)
        : growth_rate(p[index_of(kParameters, "tumour_growth_rate")]),
          death(p[index_of(kParameters, "tumour_death")]),
          capacity(p[index_of(kParameters, "tumour_capacity")]),
          density(p[index_of(kParameters, "cell_density")]),
          floor(p[index_of(kParameters, "tumour_floor")]),
          visible_mhc(p[index_of(kParameters, "visible_clone_mhc")]),
          escape_mhc(p[index_of(kParameters, "escape_clone_mhc")]),
          growth_arrest(p[index_of(kParameters, "ifng_growth_arrest")]),
          proliferating(p[index_of(kParameters, "proliferating_fraction")]),
          nk_kill(p[index_of(kParameters, "nk_missing_self_kill")]),
          dying_clearance(p[index_of(kParameters, "dying_clearance")]) {}

    /// Tumour volume [mL] of `cells` neoplastic cells.
    template <class Real>
    Real volume_ml(const Real& cells) const {
      return cells / density;
    }
    /// Per-cell growth rate [1/day]: r·(1 − arrest·IFN signal)·(1 − N/K).
    template <class Real>
    Real growth(const Real& total_cells, const Real& ifng_signal) const {
      return growth_rate * (1.0 - growth_arrest * ifng_signal) * (1.0 - total_cells / capacity);
    }
  };

  /// Spherical-equivalent diameter [mm] of a volume [mL] (1 mL = 1 cm^3): 10·(6V/π)^(1/3).
  static double diameter_mm(double volume_ml) {
    return 10.0 * std::cbrt(6.0 * (volume_ml > 0.0 ? volume_ml : 0.0) / std::numbers::pi);
  }
};

}  // namespace icbsim::models::nsclc
