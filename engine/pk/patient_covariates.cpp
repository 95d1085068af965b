// Covariate values of a patient: stored fields, derived quantities and indicators.
#include "engine/pk/patient_covariates.hpp"

#include <cmath>
#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::pk {

namespace {
double indicator(bool b) { return b ? 1.0 : 0.0; }
}  // namespace

std::string_view covariate_unit(Covariate c) {
  switch (c) {
    case Covariate::kWeight: return "kg";
    case Covariate::kHeight: return "cm";
    case Covariate::kAge: return "year";
    case Covariate::kSerumCreatinine: return "umol/L";
    case Covariate::kAlbumin: return "g/L";
    case Covariate::kEgfr: return "mL/min";  // per 1.73 m², a normalised clearance
    case Covariate::kCrcl: return "mL/min";
    case Covariate::kCrclCockcroftGault: return "mL/min";
    case Covariate::kBsa: return "m^2";
    case Covariate::kSld: return "mm";
    case Covariate::kLdh: return "U/L";
    case Covariate::kSpdl1: return "pg/mL";
    default: return "";
  }
}

bool is_indicator(Covariate c) { return static_cast<int>(c) >= static_cast<int>(Covariate::kFemale); }

std::optional<double> bsa_mosteller(const PatientCovariates& p) {
  if (!p.height || !p.weight) return std::nullopt;
  return std::sqrt(*p.height * *p.weight / 3600.0);
}

std::optional<double> crcl_cockcroft_gault(const PatientCovariates& p) {
  if (!p.age || !p.weight || !p.serum_creatinine) return std::nullopt;
  const double sex_factor = p.sex == Sex::kFemale ? 0.85 : 1.0;
  const double litres_per_hour = (140.0 - *p.age) * *p.weight * sex_factor * 0.074 / *p.serum_creatinine;
  return litres_per_hour * 1000.0 / 60.0;
}

std::optional<double> covariate_value(const PatientCovariates& p, Covariate c) {
  switch (c) {
    case Covariate::kWeight: return p.weight;
    case Covariate::kHeight: return p.height;
    case Covariate::kAge: return p.age;
    case Covariate::kSerumCreatinine: return p.serum_creatinine;
    case Covariate::kAlbumin: return p.albumin;
    case Covariate::kEgfr: return p.egfr;
    case Covariate::kCrcl: return p.crcl;
    case Covariate::kCrclCockcroftGault: return crcl_cockcroft_gault(p);
    case Covariate::kBsa: return bsa_mosteller(p);
    case Covariate::kSld: return p.sld;
    case Covariate::kLdh: return p.ldh;
    case Covariate::kSpdl1: return p.spdl1;
    case Covariate::kEcog: return static_cast<double>(p.ecog);
    case Covariate::kFemale: return indicator(p.sex == Sex::kFemale);
    case Covariate::kMale: return indicator(p.sex == Sex::kMale);
    case Covariate::kEcogAtLeast1: return indicator(p.ecog >= 1);
    case Covariate::kAsian: return indicator(p.race == Race::kAsian);
    case Covariate::kBlack: return indicator(p.race == Race::kBlack);
    case Covariate::kNsclc: return indicator(p.tumour == TumourType::kNsclc);
    case Covariate::kSclc: return indicator(p.tumour == TumourType::kSclc);
    case Covariate::kMelanoma: return indicator(p.tumour == TumourType::kMelanoma);
    case Covariate::kFirstLine: return indicator(p.first_line);
    case Covariate::kAdaPositive: return indicator(p.ada_positive);
    case Covariate::kPriorIpilimumab: return indicator(p.prior_ipilimumab);
    case Covariate::kElevatedLiverEnzymes: return indicator(p.elevated_liver_enzymes);
    case Covariate::kWithNivolumab: return indicator(p.with_nivolumab);
    case Covariate::kWithNivolumab1mgkgQ3w: return indicator(p.with_nivolumab_1mgkg_q3w);
    case Covariate::kWithNivolumab3mgkgQ2w: return indicator(p.with_nivolumab_3mgkg_q2w);
    case Covariate::kWithIpilimumab: return indicator(p.with_ipilimumab);
    case Covariate::kWithIpilimumab1mgkgQ6w: return indicator(p.with_ipilimumab_1mgkg_q6w);
    case Covariate::kWithIpilimumab3mgkgQ3w: return indicator(p.with_ipilimumab_3mgkg_q3w);
    case Covariate::kWithDurvalumab: return indicator(p.with_durvalumab);
    case Covariate::kWithTremelimumab: return indicator(p.with_tremelimumab);
    case Covariate::kWithChemotherapy: return indicator(p.with_chemotherapy);
    case Covariate::kWithTremelimumabAndChemotherapy: return indicator(p.with_tremelimumab && p.with_chemotherapy);
  }
  return std::nullopt;
}

void set_indicator(PatientCovariates& p, Covariate c, bool on) {
  switch (c) {
    case Covariate::kFirstLine: p.first_line = on; return;
    case Covariate::kAdaPositive: p.ada_positive = on; return;
    case Covariate::kPriorIpilimumab: p.prior_ipilimumab = on; return;
    case Covariate::kElevatedLiverEnzymes: p.elevated_liver_enzymes = on; return;
    case Covariate::kWithNivolumab: p.with_nivolumab = on; return;
    case Covariate::kWithNivolumab1mgkgQ3w: p.with_nivolumab_1mgkg_q3w = on; return;
    case Covariate::kWithNivolumab3mgkgQ2w: p.with_nivolumab_3mgkg_q2w = on; return;
    case Covariate::kWithIpilimumab: p.with_ipilimumab = on; return;
    case Covariate::kWithIpilimumab1mgkgQ6w: p.with_ipilimumab_1mgkg_q6w = on; return;
    case Covariate::kWithIpilimumab3mgkgQ3w: p.with_ipilimumab_3mgkg_q3w = on; return;
    case Covariate::kWithDurvalumab: p.with_durvalumab = on; return;
    case Covariate::kWithTremelimumab: p.with_tremelimumab = on; return;
    case Covariate::kWithChemotherapy: p.with_chemotherapy = on; return;
    default:
      throw Error("covariate '" + std::string(kCovariateNames.name(c)) +
                  "' is derived from the patient record and cannot be set as a regimen flag");
  }
}

}  // namespace icbsim::pk
