// Hyperprogression block of the NSCLC checkpoint model: the Fc portion of an anti-PD-1 / anti-PD-L1
// antibody engages Fcγ receptors of tumour-associated (M2) macrophages and reprograms them to drive
// tumour proliferation (Lo Russo 2019). It needs the antibody's Fc: the drug present and bound, and
// Fc-competent; blocking the target alone (an Fc-silent antibody) does not cause it.
#pragma once

#include <array>
#include <span>

#include "engine/core/parameter_spec.hpp"

namespace icbsim::models::nsclc {

struct FcHyperprogressionBlock {
  static constexpr std::array<ParameterSpec, 4> kParameters{{
      {"fc_hpd_growth", "1/day", 0.0, 0, 1,
       "extra tumour proliferation at full Fc engagement in a macrophage-rich tumour (0 = mechanism off, the default)",
       "structure: Lo Russo 2019 (anti-PD-1/PD-L1 Fc binding FcγR of CD163+ macrophages causes hyperprogression in "
       "NSCLC; F(ab')2 fragments do not); off by default until the population is refitted: with the macrophage "
       "density as its trigger, switched on at 0.03/day it also slowed late responses whose M2 density rises as "
       "the tumour shrinks; 0.04/day hyperprogresses a TAM-rich cold tumour (tests)"},
      {"fc_hpd_m2_half", "", 0.065, 1e-6, 100, "M2 macrophages per tumour cell for half the hyperprogression drive",
       "assumed: 1.7 times the untreated default tumour's 0.04, so that the drive concentrates in TAM-rich tumours "
       "(Lo Russo 2019: clustered CD163+CD33+ epithelioid macrophages in hyperprogressors' baseline biopsies)"},
      {"fc_hpd_hill", "", 8, 1, 10, "steepness of the macrophage dependence",
       "assumed: a threshold on macrophage clustering (Lo Russo 2019 scored it as present or absent)"},
      {"fc_engagement", "", 1.0, 0, 1,
       "FcγR engagement of the checkpoint antibodies' Fc, relative (1 IgG4/IgG1, 0 Fc-silent or F(ab')2)",
       "Lo Russo 2019: the hyperprogression of mice needed the Fc (none with F(ab')2 anti-PD-1); IgG4 nivolumab and "
       "pembrolizumab bind FcγRI (Fessas 2017); set 0 for an Fc-silent construct"},
  }};

  struct Values {
    double growth, half, hill, engagement;
    explicit Values(std::span<const double> p)
        : growth(p[index_of(kParameters, "fc_hpd_growth")]),
          half(p[index_of(kParameters, "fc_hpd_m2_half")]),
          hill(p[index_of(kParameters, "fc_hpd_hill")]),
          engagement(p[index_of(kParameters, "fc_engagement")]) {}

    /// Extra per-cell proliferation [1/day]: growth·engagement·(antibody-bound target: 1 − (1 − RO_pd1)(1 −
    /// RO_pdl1))·m^h/(m^h + half^h), m = M2 per tumour cell. Exactly 0 without antibody.
    template <class Real>
    Real drive(const Real& ro_pd1, const Real& ro_pdl1, const Real& m2_per_cell) const {
      using std::pow;
      const Real bound = 1.0 - (1.0 - ro_pd1) * (1.0 - ro_pdl1);
      const Real m = m2_per_cell > 0.0 ? Real(m2_per_cell) : Real(0.0 * m2_per_cell);
      const Real mh = pow(m / half, hill);
      return growth * engagement * bound * mh / (1.0 + mh);
    }
  };
};

}  // namespace icbsim::models::nsclc
