// A drug of the catalogue (class, target, binding, population PK, standard regimens, and the
// class-specific effect parameters of cytotoxics, vaccines and antibody–drug conjugates) and the
// DrugCatalogue that finds drugs by name. Filled from configs/drugs/*.yaml by io/drug_catalogue_loader.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/pk/occupancy.hpp"
#include "engine/pk/pk_parameters.hpp"
#include "engine/pk/schedule.hpp"

namespace icbsim::pk {

enum class DrugClass { kAntiPd1, kAntiPdl1, kAntiCtla4, kCytotoxic, kVaccine, kAdc };
inline constexpr EnumTable<DrugClass, 6> kDrugClassNames{{{
    {DrugClass::kAntiPd1, "anti-PD-1"},
    {DrugClass::kAntiPdl1, "anti-PD-L1"},
    {DrugClass::kAntiCtla4, "anti-CTLA-4"},
    {DrugClass::kCytotoxic, "cytotoxic"},
    {DrugClass::kVaccine, "vaccine"},
    {DrugClass::kAdc, "ADC"},
}}};

/// Exposure-driven cell kill of a cytotoxic, in the saturating form of de Pillis et al. 2006/2009
/// (de Pillis 2006; de Pillis 2009; BioModels BIOMD0000000779): rate = kmax·(1 − e^{−δ·C}) [1/day] at
/// plasma concentration C [mg/L].
struct ExposureKill {
  double tumour_kmax = 0.0;             ///< maximal kill rate of proliferating tumour cells [1/day]
  double tumour_sensitivity = 0.0;      ///< δ for tumour cells [L/mg]
  double lymphocyte_kmax = 0.0;         ///< maximal kill rate of proliferating lymphocytes [1/day]
  double lymphocyte_sensitivity = 0.0;  ///< δ for lymphocytes [L/mg]

  template <class Real>
  Real tumour_rate(const Real& c) const {
    using std::exp;
    return tumour_kmax * (1.0 - exp(-tumour_sensitivity * c));
  }
  template <class Real>
  Real lymphocyte_rate(const Real& c) const {
    using std::exp;
    return lymphocyte_kmax * (1.0 - exp(-lymphocyte_sensitivity * c));
  }
};

/// A therapeutic cancer vaccine: the antigen depot (its PK is the drug's PkModelSpec) raises
/// antigen presentation and T-cell priming, multiplier = 1 + boost_max·A/(A + A50) (structure of
/// Lai & Friedman 2017, PLoS One 12:e0178479, where the vaccine adds activated dendritic cells).
struct VaccineBoost {
  double boost_max = 0.0;          ///< maximal relative increase of the priming rate [-]
  double half_boost_amount = 1.0;  ///< antigen depot amount for half the maximal boost [mg]

  template <class Real>
  Real priming_multiplier(const Real& depot_mg) const {
    return 1.0 + boost_max * depot_mg / (depot_mg + half_boost_amount);
  }
};

/// An antibody–drug conjugate's payload: first-order release from the circulating conjugate into a
/// payload compartment with its own PK (apparent, dose-normalised units as in the source model).
struct AdcPayload {
  std::string payload;                  ///< e.g. "SN-38"
  double drug_to_antibody_ratio = 0.0;  ///< payload molecules per antibody [-]
  double payload_molecular_weight = 0;  ///< [g/mol]
  double release_rate = 0.0;            ///< first-order release from the conjugate [1/day]
  double bystander_fraction = 0.0;      ///< share of tumour-released payload reaching antigen-negative neighbours [-]
  PkModelSpec payload_pk;               ///< disposition of the released payload
};

/// A named regimen: one or more schedule phases (e.g. weekly × 8, then every 6 weeks) and the
/// regimen covariates its popPK model reads (e.g. "with_nivolumab_3mgkg_q2w").
struct NamedRegimen {
  std::string name;
  std::string description;
  std::vector<DosingSchedule> phases;
  std::vector<Covariate> implies;  ///< indicators set for a patient on this regimen
  std::string source;
};

/// Where one value of a catalogue entry came from ("pk.typical.cl0" -> "Ahamadi 2017 Table 3").
struct Provenance {
  std::string key;
  std::string source;
};

struct Drug {
  std::string name;
  DrugClass drug_class = DrugClass::kAntiPd1;
  std::string description;
  double molecular_weight = 0.0;            ///< [g/mol]
  std::string target;                       ///< e.g. "PD-1", "TROP2", "microtubules"
  double kd = 0.0;                          ///< target binding [nM]; 0 when not a blocking antibody
  double tumour_partition = 1.0;            ///< tumour interstitial / plasma concentration [-]
  PkModelSpec pk;                           ///< the default population-PK model
  std::vector<PkModelSpec> alternative_pk;  ///< other published models of the same drug (e.g. Zhang 2019)
  std::vector<NamedRegimen> regimens;       ///< the first is the standard regimen
  std::optional<ExposureKill> exposure_kill;
  std::optional<VaccineBoost> vaccine;
  std::optional<AdcPayload> adc;
  std::vector<std::string> references;  ///< full citations of the sources named in `provenance`
  std::vector<Provenance> provenance;   ///< every numeric value read, with its source

  const NamedRegimen& standard_regimen() const;
  /// The PK model called `model_name` (the default or an alternative); throws icbsim::Error listing
  /// the known ones and the closest.
  const PkModelSpec& pk_model(std::string_view model_name) const;
  /// The regimen called `name`; throws icbsim::Error listing the known ones and the closest.
  const NamedRegimen& regimen(std::string_view name) const;
  /// Occupancy of the target (molecular weight, Kd, tumour partition).
  OccupancyModel occupancy() const { return OccupancyModel{molecular_weight, kd, tumour_partition}; }
  /// The source recorded for `key`, or "".
  std::string_view source_of(std::string_view key) const;
};

/// `patient` with the regimen covariates of `regimen` switched on.
PatientCovariates on_regimen(PatientCovariates patient, const NamedRegimen& regimen);

/// Every phase of `regimen` expanded (expand_schedule) for `patient` before `t_end`, sorted by time.
std::vector<DoseEvent> expand_regimen(const NamedRegimen& regimen, const PatientCovariates& patient,
                                      std::size_t target_state_index, double t_end);

/// Name -> drug lookup over the loaded catalogue; an ordinary object (no global state).
class DrugCatalogue {
 public:
  /// Adds a drug; throws icbsim::Error when the name is taken.
  void add(Drug drug);
  /// The drug called `name`, or nullptr.
  const Drug* find(std::string_view name) const;
  /// The drug called `name`; throws icbsim::Error listing the known names and the closest one.
  const Drug& get(std::string_view name) const;
  std::vector<std::string_view> names() const;
  const std::vector<Drug>& drugs() const noexcept { return drugs_; }
  std::size_t size() const noexcept { return drugs_.size(); }

 private:
  std::vector<Drug> drugs_;
};

}  // namespace icbsim::pk
