// Helpers of the nsclc_icb tests: parameters from the declared defaults and from overlay files,
// drug-slot parameters and doses from the drug catalogue for the typical patient, the pre-treatment
// run-in, and readouts of a trajectory (diameter change, progression) — no scenario file involved.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/model_registry.hpp"
#include "engine/core/overlay.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"
#include "engine/io/config/overlay_loader.hpp"
#include "engine/ode/model_entry.hpp"
#include "engine/ode/simulator.hpp"
#include "engine/run/run_in.hpp"
#include "engine/run/treatment_binding.hpp"
#include "models/nsclc_icb/nsclc_icb.hpp"

namespace nsclc_test {

namespace pk = icbsim::pk;
using Model = icbsim::models::NsclcIcb;

/// Baseline of every comparison: viable tumour cells at the start of treatment (the default
/// state, a 3.7-cm lesion).
constexpr double kBaselineCells = 2.42e9;
constexpr double kTwoYears = 730.0;

inline std::string configs() { return std::string(ICBSIM_SOURCE_DIR) + "/configs"; }

inline std::size_t parameter(std::string_view name) {
  for (std::size_t i = 0; i < Model::kParameters.size(); ++i)
    if (Model::kParameters[i].name == name) return i;
  throw icbsim::Error("no nsclc_icb parameter '" + std::string(name) + "'");
}
inline std::size_t variable(std::string_view name) {
  for (std::size_t i = 0; i < Model::kVariables.size(); ++i)
    if (Model::kVariables[i].name == name) return i;
  throw icbsim::Error("no nsclc_icb variable '" + std::string(name) + "'");
}

inline std::vector<double> default_parameters() {
  std::vector<double> p;
  for (const auto& spec : Model::kParameters) p.push_back(spec.value);
  return p;
}
inline std::vector<double> default_state() {
  std::vector<double> x;
  for (const auto& spec : Model::kVariables) x.push_back(spec.initial);
  return x;
}

/// Applies the overlay file configs/<relative> (e.g. "phenotypes/low_tmb.yaml").
inline void apply_overlay_file(const std::string& relative, const icbsim::ModelRegistry& registry,
                               std::vector<double>& p) {
  const icbsim::Overlay overlay = icbsim::load_overlay_file(configs() + "/" + relative, registry);
  icbsim::apply_overlay(overlay, registry.get(Model::kName), p);
}

/// Fills `<prefix>_<field>` from the drug's default PK model resolved for `patient` and from its
/// binding / effect constants — through the engine's own binding (engine/run/treatment_binding).
inline void set_slot(std::vector<double>& p, std::string_view prefix, const pk::Drug& drug,
                     const pk::PatientCovariates& patient, double t_first_dose) {
  static const icbsim::ModelInfo model = icbsim::model_entry<Model>();
  icbsim::TreatmentItem item;
  item.drug = drug;
  item.pk = drug.pk;
  item.slot = std::string(prefix);
  for (const auto& [index, value] : icbsim::drug_parameters(model, item, patient, t_first_dose)) p[index] = value;
}

/// Doses of `regimen` of `drug` from `start` [day] into state `target`, before t_end.
inline std::vector<icbsim::DoseEvent> regimen_doses(const pk::Drug& drug, std::string_view regimen,
                                                    const pk::PatientCovariates& patient, std::size_t target,
                                                    double start, double t_end, std::size_t cycles = 0) {
  pk::NamedRegimen r = drug.regimen(regimen);
  for (auto& phase : r.phases) {
    phase.start += start;
    if (cycles > 0) phase.cycles = cycles;
  }
  return pk::expand_regimen(r, patient, target, t_end);
}

/// Pembrolizumab 200 mg q3w, 30-min infusions, 35 cycles (KEYNOTE-024) from `start` into pd1_a1,
/// with the pd1 slot resolved for the typical patient.
inline std::vector<icbsim::DoseEvent> pembrolizumab(const pk::DrugCatalogue& catalogue, std::vector<double>& p,
                                                    double start = 0.0, double t_end = kTwoYears) {
  const pk::Drug& drug = catalogue.get("pembrolizumab");
  const pk::PatientCovariates patient;
  set_slot(p, "pd1", drug, patient, start);
  pk::DosingSchedule schedule = drug.regimen("200mg_q3w").phases.front();
  schedule.cycles = 35;
  schedule.start = start;
  return pk::expand_schedule(schedule, patient, Model::kPd1, t_end);
}

inline icbsim::TaskInput make_task(const std::vector<double>& p, const std::vector<double>& x0, double t_end,
                                   std::vector<icbsim::DoseEvent> doses = {}) {
  icbsim::TaskInput in;
  in.parameters = p;
  in.initial_state = x0;
  in.t_end = t_end;
  for (int d = 0; d <= static_cast<int>(t_end); ++d) in.output_times.push_back(d);
  in.doses = std::move(doses);
  in.solver.rtol = 1e-6;
  in.solver.atol = 1e-6;
  return in;
}

/// The pre-treatment run-in of the scenario engine (engine/run/run_in, run_in: of
/// configs/populations/nsclc.yaml) at kBaselineCells viable cells, keeping the escape fraction of
/// `x`: 10 rounds of 60 days untreated, the tumour held and its intratumoural populations rescaled.
/// The result is the state at which this phenotype's tumour reaches the baseline size on its own —
/// so every phenotype starts treatment from its own microenvironment at the same 3.7-cm lesion.
inline std::vector<double> run_in(const std::vector<double>& p, std::vector<double> x) {
  static const icbsim::ModelInfo model = icbsim::model_entry<Model>();
  const double escape_fraction = x[Model::kEscape] / (x[Model::kVisible] + x[Model::kEscape]);
  x[Model::kEscape] = escape_fraction * kBaselineCells;
  x[Model::kVisible] = (1.0 - escape_fraction) * kBaselineCells;
  icbsim::RunInSpec spec;
  spec.held = {Model::kVisible, Model::kEscape};
  spec.scaled = {Model::kDying, Model::kEffector, Model::kExhausted, Model::kTreg,
                 Model::kMdsc,  Model::kM1,       Model::kM2};
  spec.period = 60.0;
  spec.rounds = 10;
  return icbsim::run_in_state(model, spec, make_task(p, x, spec.period));
}

/// One simulated patient on the daily grid 0..t_end.
class Trajectory {
 public:
  explicit Trajectory(icbsim::TaskInput in) : in_(std::move(in)), out_(icbsim::Simulator<Model>(in_).run()) {}

  /// The row of a state variable or observable.
  std::vector<double> series(std::string_view name) const {
    const std::size_t n = in_.output_times.size();
    std::size_t row = Model::kVariables.size() + Model::kObservables.size();
    for (std::size_t i = 0; i < Model::kVariables.size(); ++i)
      if (Model::kVariables[i].name == name) row = i;
    for (std::size_t k = 0; k < Model::kObservables.size(); ++k)
      if (Model::kObservables[k].name == name) row = Model::kVariables.size() + k;
    if (row == Model::kVariables.size() + Model::kObservables.size())
      throw icbsim::Error("no row '" + std::string(name) + "'");
    return {out_.trajectories.begin() + static_cast<std::ptrdiff_t>(row * n),
            out_.trajectories.begin() + static_cast<std::ptrdiff_t>((row + 1) * n)};
  }
  /// Value at day `t` (an output time).
  double at(std::string_view name, double t) const { return series(name)[static_cast<std::size_t>(std::lround(t))]; }

  const icbsim::TaskInput& input() const noexcept { return in_; }
  const icbsim::TaskOutput& output() const noexcept { return out_; }

 private:
  icbsim::TaskInput in_;
  icbsim::TaskOutput out_;
};

/// RECIST-like readout of the (single-lesion) diameter on the daily grid: best change from
/// baseline, its day, and the first day of progression (>= 20% and >= 5 mm above the nadir so far).
struct Response {
  double baseline_mm = 0.0;
  double best_pct = 0.0;
  double best_day = 0.0;
  double progression_day = -1.0;  ///< -1: no progression
  double peak_pct = 0.0;          ///< largest increase over baseline before the nadir
  std::vector<double> diameter;
  double change_pct(double day) const {
    return 100.0 * (diameter[static_cast<std::size_t>(std::lround(day))] / baseline_mm - 1.0);
  }
};

inline Response response(const Trajectory& t) {
  Response r;
  r.diameter = t.series("tumour_diameter");
  r.baseline_mm = r.diameter.front();
  double nadir = r.baseline_mm;
  for (std::size_t d = 0; d < r.diameter.size(); ++d) {
    const double v = r.diameter[d];
    if (v < nadir) nadir = v;
    const double change = 100.0 * (v / r.baseline_mm - 1.0);
    if (change < r.best_pct) {
      r.best_pct = change;
      r.best_day = static_cast<double>(d);
    }
    if (r.progression_day < 0 && v >= 1.2 * nadir && v - nadir >= 5.0) r.progression_day = static_cast<double>(d);
  }
  for (std::size_t d = 0; d <= static_cast<std::size_t>(r.best_day); ++d)
    r.peak_pct = std::max(r.peak_pct, 100.0 * (r.diameter[d] / r.baseline_mm - 1.0));
  return r;
}

}  // namespace nsclc_test
