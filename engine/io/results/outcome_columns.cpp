// Declaration and writing of the outcome and scan datasets.
#include "engine/io/results/outcome_columns.hpp"

#include <cmath>
#include <limits>

namespace icbsim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename E, std::size_t N>
h5::Id enum_type_of(const EnumTable<E, N>& table) {
  std::vector<std::pair<std::string_view, int>> members;
  for (const auto& [value, name] : table.entries) members.emplace_back(name, static_cast<int>(value));
  return h5::create_enum_type(members);
}

enum class Kind { kDouble, kBool, kResponse, kIrecist, kSitc, kPathological, kNeoadjuvant, kProgressionReason };

/// One per-task outcome: name, unit, meaning, and how to read it from a PatientReadout.
struct OutcomeField {
  const char* name;
  const char* unit;
  Kind kind;
  const char* description;
  double (*value)(const readout::PatientReadout&);
};

double opt(const std::optional<double>& v) { return v.value_or(kNaN); }

constexpr OutcomeField kOutcomeFields[] = {
    {"measurable", "1", Kind::kBool, "at least one target lesion at baseline",
     [](const auto& r) { return r.measurable ? 1.0 : 0.0; }},
    {"best_response", "1", Kind::kResponse, "RECIST 1.1 best overall response",
     [](const auto& r) { return static_cast<double>(r.best_response); }},
    {"best_change_pct", "%", Kind::kDouble, "most negative change of SLD from baseline before progression",
     [](const auto& r) { return r.best_change_pct; }},
    {"response_day", "day", Kind::kDouble, "first scan of the counted CR/PR; NaN when none",
     [](const auto& r) { return opt(r.response_day); }},
    {"progression_day", "day", Kind::kDouble, "first RECIST 1.1 progression; NaN when none",
     [](const auto& r) { return opt(r.progression_day); }},
    {"pfs_days", "day", Kind::kDouble, "progression-free survival from treatment start",
     [](const auto& r) { return r.pfs.time; }},
    {"pfs_event", "1", Kind::kBool, "PFS ended by progression or death (else censored)",
     [](const auto& r) { return r.pfs.event ? 1.0 : 0.0; }},
    {"os_days", "day", Kind::kDouble, "overall survival from treatment start", [](const auto& r) { return r.os.time; }},
    {"os_event", "1", Kind::kBool, "OS ended by death (else censored)",
     [](const auto& r) { return r.os.event ? 1.0 : 0.0; }},
    {"exposure_days", "day", Kind::kDouble,
     "time on therapy: first dose to the end of the last interval or progression",
     [](const auto& r) { return r.exposure_days; }},
    {"sitc_class", "1", Kind::kSitc, "SITC resistance class (Kluger et al. 2020)",
     [](const auto& r) { return static_cast<double>(r.sitc); }},
    {"hyperprogression", "1", Kind::kBool, "hyperprogression under the scenario's definition",
     [](const auto& r) { return r.hyperprogression ? 1.0 : 0.0; }},
    {"tgr_pre", "%/month", Kind::kDouble, "tumour growth rate before treatment; NaN when not assessed",
     [](const auto& r) { return r.tgr_pre; }},
    {"tgr_on", "%/month", Kind::kDouble, "tumour growth rate on treatment; NaN when not assessed",
     [](const auto& r) { return r.tgr_on; }},
    {"switch_day", "day", Kind::kDouble, "day of the move to the arm's second-line therapy; NaN when none",
     [](const auto& r) { return opt(r.switch_day); }},
    {"progression_reason", "1", Kind::kProgressionReason,
     "what the first RECIST 1.1 progression was called on: target_lesions, new_lesions, both, non_target; none",
     [](const auto& r) { return static_cast<double>(r.progression_reason); }},
};

constexpr OutcomeField kIrecistOutcome = {"best_irecist", "1", Kind::kIrecist, "iRECIST best overall response",
                                          [](const auto& r) { return static_cast<double>(r.best_irecist); }};

constexpr OutcomeField kTpsOutcome = {"tps", "%", Kind::kDouble,
                                      "PD-L1 tumour proportion score measured at baseline (readout.tps)",
                                      [](const auto& r) { return r.tps_pct; }};

constexpr OutcomeField kTgiOsOutcomes[] = {
    {"tgi_kg", "1/week", Kind::kDouble,
     "growth rate constant of the Stein fit to the tumour burden (readout.survival: tgi_os)",
     [](const auto& r) { return r.tgi_kg_per_week; }},
    {"tgi_ttg", "week", Kind::kDouble, "time to tumour growth of the Stein fit (readout.survival: tgi_os)",
     [](const auto& r) { return r.tgi_ttg_weeks; }},
};

constexpr OutcomeField kPerioperativeOutcomes[] = {
    {"viable_tumour_pct", "%", Kind::kDouble, "viable tumour at surgery as a share of the tumour at baseline",
     [](const auto& r) { return r.viable_tumour_pct; }},
    {"pathological_response", "1", Kind::kPathological, "pathological response at surgery: pcr, mpr (<= 10 % viable), non_mpr",
     [](const auto& r) { return static_cast<double>(r.pathological); }},
    {"neoadjuvant_class", "1", Kind::kNeoadjuvant, "neoadjuvant resistance class (docs/readouts.md)",
     [](const auto& r) { return static_cast<double>(r.neoadjuvant); }},
};

}  // namespace

OutcomeColumns::OutcomeColumns(hid_t outcomes_group, hid_t scans_group, std::size_t n_tasks,
                               const std::vector<double>& scan_times, const readout::ReadoutSettings& settings,
                               const h5::DatasetFilters& filters)
    : n_scans_(scan_times.size()),
      irecist_(settings.criteria == readout::Criteria::kIrecist),
      perioperative_(settings.surgery_day.has_value()),
      tps_(settings.tps.has_value()),
      tgi_os_(settings.survival.has_value()) {
  bool_type_ = h5::create_bool_type();
  response_type_ = enum_type_of(readout::kResponseNames);
  irecist_type_ = enum_type_of(readout::kIrecistResponseNames);
  sitc_type_ = enum_type_of(readout::kSitcClassNames);
  pathological_type_ = enum_type_of(readout::kPathologicalResponseNames);
  neoadjuvant_type_ = enum_type_of(readout::kNeoadjuvantClassNames);
  progression_reason_type_ = enum_type_of(readout::kProgressionReasonNames);
  auto type_of = [&](Kind k) -> hid_t {
    switch (k) {
      case Kind::kDouble: return H5T_IEEE_F64LE;
      case Kind::kBool: return bool_type_.get();
      case Kind::kResponse: return response_type_.get();
      case Kind::kIrecist: return irecist_type_.get();
      case Kind::kSitc: return sitc_type_.get();
      case Kind::kPathological: return pathological_type_.get();
      case Kind::kNeoadjuvant: return neoadjuvant_type_.get();
      case Kind::kProgressionReason:
        return progression_reason_type_.get();
    }
    return H5T_IEEE_F64LE;
  };
  auto mem_type_of = [&](Kind k) -> hid_t { return k == Kind::kDouble ? H5T_NATIVE_DOUBLE : type_of(k); };

  const hsize_t task_dims[1] = {n_tasks};
  auto add_outcome = [&](const OutcomeField& f) {
    h5::Id ds = h5::create_dataset(outcomes_group, f.name, type_of(f.kind), task_dims, filters);
    h5::set_attribute(ds.get(), "units", std::string(f.unit));
    h5::set_attribute(ds.get(), "description", std::string(f.description));
    const std::size_t size = f.kind == Kind::kDouble ? sizeof(double) : 1;
    outcome_sets_.emplace_back(std::move(ds), mem_type_of(f.kind), size, n_tasks, 1);
  };
  for (const OutcomeField& f : kOutcomeFields) add_outcome(f);
  if (irecist_) add_outcome(kIrecistOutcome);
  if (perioperative_)
    for (const OutcomeField& f : kPerioperativeOutcomes) add_outcome(f);
  if (tps_) add_outcome(kTpsOutcome);
  if (tgi_os_)
    for (const OutcomeField& f : kTgiOsOutcomes) add_outcome(f);

  h5::write_doubles(scans_group, "time", scan_times);
  h5::Id time(h5::check(H5Dopen2(scans_group, "time", H5P_DEFAULT), "opening /scans/time"));
  h5::set_attribute(time.get(), "units", std::string("day"));
  h5::set_attribute(time.get(), "description", std::string("scan days; the first is the baseline"));
  const hsize_t scan_dims[2] = {n_tasks, scan_times.size()};
  auto add_scan = [&](const char* name, Kind kind, const char* unit, const char* description) {
    h5::Id ds = h5::create_dataset(scans_group, name, type_of(kind), scan_dims, filters);
    h5::set_attribute(ds.get(), "units", std::string(unit));
    h5::set_attribute(ds.get(), "description", std::string(description));
    const std::size_t size = kind == Kind::kDouble ? sizeof(double) : 1;
    scan_sets_.emplace_back(std::move(ds), mem_type_of(kind), size, n_tasks, scan_times.size());
  };
  add_scan("sld_mm", Kind::kDouble, "mm", "recorded sum of longest diameters of the target lesions; NaN when not evaluable");
  add_scan("recist", Kind::kResponse, "1", "RECIST 1.1 overall time-point response (NE at baseline)");
  add_scan("new_lesion", Kind::kBool, "1", "a new lesion is seen");
  if (irecist_) add_scan("irecist", Kind::kIrecist, "1", "iRECIST time-point response");
}

void OutcomeColumns::write(std::size_t task, const readout::PatientReadout* r) {
  std::size_t k = 0;
  auto put = [&](const OutcomeField& f) {
    Dataset& ds = outcome_sets_[k++];
    const double v = r ? f.value(*r) : (f.kind == Kind::kDouble ? kNaN : 0.0);
    if (f.kind == Kind::kDouble) {
      ds.put(task, &v);
    } else {
      // Failed tasks: not evaluable / false.
      signed char code = static_cast<signed char>(v);
      if (!r && f.kind == Kind::kResponse) code = static_cast<signed char>(readout::Response::kNE);
      if (!r && f.kind == Kind::kIrecist) code = static_cast<signed char>(readout::IrecistResponse::kNE);
      if (!r && f.kind == Kind::kSitc) code = static_cast<signed char>(readout::SitcClass::kNotEvaluable);
      if (!r && f.kind == Kind::kPathological) code = static_cast<signed char>(readout::PathologicalResponse::kNone);
      if (!r && f.kind == Kind::kNeoadjuvant) code = static_cast<signed char>(readout::NeoadjuvantClass::kNotEvaluable);
      ds.put(task, &code);
    }
  };
  for (const OutcomeField& f : kOutcomeFields) put(f);
  if (irecist_) put(kIrecistOutcome);
  if (perioperative_)
    for (const OutcomeField& f : kPerioperativeOutcomes) put(f);
  if (tps_) put(kTpsOutcome);
  if (tgi_os_)
    for (const OutcomeField& f : kTgiOsOutcomes) put(f);

  std::vector<double> sld(n_scans_, kNaN);
  std::vector<signed char> recist(n_scans_, static_cast<signed char>(readout::Response::kNE));
  std::vector<signed char> new_lesion(n_scans_, 0);
  std::vector<signed char> irecist(n_scans_, static_cast<signed char>(readout::IrecistResponse::kNE));
  if (r) {
    for (std::size_t s = 0; s < n_scans_; ++s) {
      sld[s] = r->sld_mm[s];
      recist[s] = static_cast<signed char>(r->recist[s]);
      new_lesion[s] = r->new_lesion[s] ? 1 : 0;
      irecist[s] = static_cast<signed char>(r->irecist[s]);
    }
  }
  scan_sets_[0].put(task, sld.data());
  scan_sets_[1].put(task, recist.data());
  scan_sets_[2].put(task, new_lesion.data());
  if (irecist_) scan_sets_[3].put(task, irecist.data());
}

void OutcomeColumns::check_complete() const {
  for (const auto& c : outcome_sets_) c.check_complete();
  for (const auto& c : scan_sets_) c.check_complete();
}

void OutcomeColumns::close() noexcept {
  outcome_sets_.clear();
  scan_sets_.clear();
  bool_type_.reset();
  response_type_.reset();
  irecist_type_.reset();
  sitc_type_.reset();
  pathological_type_.reset();
  neoadjuvant_type_.reset();
  progression_reason_type_.reset();
}

}  // namespace icbsim
