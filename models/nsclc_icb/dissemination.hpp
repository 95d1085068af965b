// Dissemination block of the NSCLC checkpoint model: the hazard of a newly detectable lesion,
// growing with the viable tumour burden and held down by the systemic (circulating primed CD8)
// response. The readout turns the hazard into new lesions (engine/readout/new_lesions.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"

namespace icbsim::models::nsclc {

struct DisseminationBlock {
  static constexpr std::array<ParameterSpec, 4> kParameters{{
      {"new_lesion_rate", "1/day", 0.00548, 0, 1,
       "hazard of a newly detectable lesion at the reference burden without systemic immunity (0 = none)",
       "assumed: with the untreated default's circulating primed CD8 (factor 1/2) the reference 3.7-cm tumour gives "
       "one new detectable lesion per year; the rate per patient is a population axis to fit to the new-lesion "
       "share of progressions"},
      {"new_lesion_burden_exponent", "", 0.663, 0, 2, "exponent of the viable tumour burden in the new-lesion hazard",
       "Iwata 2000: metastatic colonisation rate m·x^α with α = 0.663 (the fractal dimension of the vascularised "
       "tumour surface that sheds cells); Benzekry 2016 uses the same form"},
      {"new_lesion_reference_cells", "cells", 2.42e9, 1, 1e13, "viable tumour burden of the reference hazard",
       "definition: the 3.7-cm reference tumour of the model's default state"},
      {"new_lesion_immune_half", "cells", 1.21e7, 1e-6, 1e13,
       "circulating primed effector CD8 T cells that halve the new-lesion hazard",
       "assumed: the untreated default's cd8_blood; circulating tumour-specific CD8 T cells hold disseminated "
       "tumour cells in check (Eyles 2010; Koebel 2007), of unquantified strength: a sweep axis"},
  }};

  struct Values {
    double rate, exponent, reference_cells, immune_half;
    explicit Values(std::span<const double> p)
        : rate(p[index_of(kParameters, "new_lesion_rate")]),
          exponent(p[index_of(kParameters, "new_lesion_burden_exponent")]),
          reference_cells(p[index_of(kParameters, "new_lesion_reference_cells")]),
          immune_half(p[index_of(kParameters, "new_lesion_immune_half")]) {}

    /// New-lesion hazard [1/day]: rate·(N/N_ref)^α / (1 + T_b/T_half); N viable tumour cells,
    /// T_b circulating primed effector CD8.
    double hazard(double viable_cells, double circulating_effectors) const {
      if (!(rate > 0.0) || !(viable_cells > 0.0)) return 0.0;
      const double burden = std::pow(viable_cells / reference_cells, exponent);
      return rate * burden / (1.0 + std::max(0.0, circulating_effectors) / immune_half);
    }
  };
};

}  // namespace icbsim::models::nsclc
