// Receptor occupancy of a checkpoint antibody at quasi-equilibrium, RO = C/(C + Kd), in plasma and
// in the tumour interstitium (C_tumour = partition × C_plasma). Choice and sources: docs/pk.md
// "Receptor occupancy"; Kd values of the QSP-IO NSCLC parameters (Wang 2023, citing Wang 2014), the
// molecular weights from each antibody's prescribing information.
#pragma once

namespace icbsim::pk {

/// Converts a mass concentration [mg/L] into a molar one [nM] with the molecular weight [g/mol]:
/// 1 mg/L = 1e-3 g/L = 1e-3/MW mol/L = 1e6/MW nM (a 146 kDa IgG: 1 mg/L = 6.85 nM).
template <class Real>
Real mg_per_l_to_nanomolar(const Real& c_mg_per_l, double molecular_weight) {
  return c_mg_per_l * (1e6 / molecular_weight);
}

/// Fraction of receptors bound at quasi-equilibrium, C/(C + Kd), both in nM; 0 for C <= 0.
template <class Real>
Real receptor_occupancy(const Real& c_nanomolar, double kd_nanomolar) {
  if (c_nanomolar <= 0.0) return 0.0 * c_nanomolar;
  return c_nanomolar / (c_nanomolar + kd_nanomolar);
}

/// Occupancy of one antibody's target. The tumour-interstitial concentration is the plasma
/// concentration times `tumour_partition` — a quasi-steady-state lumping of extravasation and
/// lymphatic drainage (catalogue default 0.114: q_T/(q_T + q_LD·V_T), derived from the QSP-IO antibody
/// PK of Wang 2023 at the 3.7-cm NSCLC reference tumour of Rittmeyer 2017; see docs/pk.md).
struct OccupancyModel {
  double molecular_weight = 146'000.0;  ///< [g/mol]
  double kd = 1.0;                      ///< equilibrium dissociation constant [nM]
  double tumour_partition = 1.0;        ///< tumour interstitial / plasma concentration [-]

  template <class Real>
  Real plasma(const Real& c_plasma_mg_per_l) const {
    return receptor_occupancy(mg_per_l_to_nanomolar(c_plasma_mg_per_l, molecular_weight), kd);
  }
  template <class Real>
  Real tumour(const Real& c_plasma_mg_per_l) const {
    return plasma(c_plasma_mg_per_l * tumour_partition);
  }
  /// Plasma concentration [mg/L] giving tumour occupancy `ro` in (0, 1): partition⁻¹·Kd·ro/(1 − ro).
  double plasma_for_tumour_occupancy(double ro) const {
    return kd * ro / (1.0 - ro) * molecular_weight * 1e-6 / tumour_partition;
  }
};

}  // namespace icbsim::pk
