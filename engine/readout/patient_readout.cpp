// Tumour size series -> lesions -> RECIST/iRECIST calls -> outcomes of one patient.
#include "engine/readout/patient_readout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <boost/random/normal_distribution.hpp>

#include "engine/core/errors.hpp"

namespace icbsim::readout {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double size_at(std::span<const double> times, std::span<const double> sizes, double t) {
  const auto it = std::lower_bound(times.begin(), times.end(), t);
  if (it == times.end() || *it != t) throw Error("readout: no tumour-size sample at scan day " + std::to_string(t));
  return sizes[static_cast<std::size_t>(it - times.begin())];
}

/// Exposure to therapy: first dose to the end of the last dosing interval, or to progression.
double exposure_days(const TreatmentExposure& exposure, std::optional<double> progression_day) {
  if (exposure.dose_times.empty()) return 0.0;
  std::vector<double> t = exposure.dose_times;
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  double cover = 0.0;  // the last dose covers one typical (median) gap between doses
  if (t.size() > 1) {
    std::vector<double> gaps;
    for (std::size_t i = 1; i < t.size(); ++i) gaps.push_back(t[i] - t[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    cover = gaps[gaps.size() / 2];
  }
  double end = t.back() + cover;
  if (progression_day) end = std::min(end, *progression_day);
  return std::max(0.0, end - t.front());
}

}  // namespace

double tumour_diameter_mm(const TumourMapping& mapping, double size_value) {
  const double v = std::max(0.0, size_value * mapping.to_base_unit);
  switch (mapping.kind) {
    case SizeKind::kDiameter: return v;
    case SizeKind::kVolume: return 10.0 * std::cbrt(6.0 * v / std::numbers::pi);  // mL = cm^3 -> mm
    case SizeKind::kCells: return 10.0 * std::cbrt(6.0 * (v / mapping.cells_per_ml) / std::numbers::pi);
  }
  return v;
}

PatientReadout read_patient(const TumourMapping& mapping, const ReadoutSettings& settings,
                            std::span<const double> times, std::span<const double> sizes,
                            std::span<const double> scan_times, std::optional<double> pre_baseline_time,
                            const TreatmentExposure& exposure, double start_day, double end_day, RandomEngine& rng,
                            const PatientInputs* inputs) {
  PatientReadout out;
  out.scan_times.assign(scan_times.begin(), scan_times.end());
  out.best_change_pct = kNaN;
  out.tgr_pre = kNaN;
  out.tgr_on = kNaN;
  if (scan_times.empty()) throw Error("readout: no scans");
  boost::random::normal_distribution<double> normal(0.0, 1.0);

  // True lesion diameters at each scan, then the recorded ones (measurement error, RECIST rules).
  const double baseline_diameter = tumour_diameter_mm(mapping, size_at(times, sizes, scan_times[0]));
  const double baseline_volume = std::pow(baseline_diameter, 3);
  auto measure = [&](double whole_diameter) {
    std::vector<double> mm;
    for (const LesionSpec& lesion : mapping.lesions) {
      double d = whole_diameter * std::cbrt(lesion.share);
      if (mapping.measurement_cv > 0.0) d = std::max(0.0, d * (1.0 + mapping.measurement_cv * normal(rng)));
      mm.push_back(recorded_diameter_mm(d, lesion.is_node, settings.measurement));
    }
    return mm;
  };

  const std::vector<double> baseline_mm = measure(baseline_diameter);
  Baseline baseline;
  baseline.time = scan_times[0];
  std::vector<std::size_t> target_index;  // lesions measurable at baseline become targets
  for (std::size_t i = 0; i < mapping.lesions.size(); ++i) {
    const double minimum = mapping.lesions[i].is_node ? kMinMeasurableNodeMm : kMinMeasurableLesionMm;
    if (baseline_mm[i] >= minimum) {
      baseline.targets.push_back(TargetLesion{mapping.lesions[i].organ, mapping.lesions[i].is_node, baseline_mm[i]});
      target_index.push_back(i);
    }
  }
  if (target_index.size() < mapping.lesions.size()) baseline.non_target = NonTargetStatus::kPresent;
  out.measurable = !baseline.targets.empty();

  double sld0 = 0.0;
  for (const auto& t : baseline.targets) sld0 += t.baseline_mm;
  out.sld_mm.push_back(out.measurable ? sld0 : kNaN);
  out.recist.push_back(Response::kNE);
  out.irecist.push_back(IrecistResponse::kNE);
  out.new_lesion.push_back(false);

  // New lesions from the model's hazard: each appears at the detectable size after the baseline
  // scan and then follows the whole tumour's diameter ratio.
  std::vector<double> whole_mm;  // whole-tumour diameter at every sample [mm]
  if (mapping.new_lesions) {
    if (!inputs) throw Error("readout: the new-lesion process needs the hazard series");
    if (inputs->new_lesion_hazard.size() != times.size())
      throw Error("readout: hazard and size series differ in length");
    for (double v : sizes) whole_mm.push_back(tumour_diameter_mm(mapping, v));
    out.new_lesion_days =
        new_lesion_days(times, inputs->new_lesion_hazard, scan_times[0], inputs->new_lesion_thresholds);
  }
  const double detection_mm = mapping.new_lesions ? mapping.new_lesions->diameter_at_detection_mm : 0.0;
  // True diameters [mm] at day t of the new lesions that have appeared by then.
  auto new_lesion_mm = [&](double t) {
    std::vector<double> mm;
    const double now = whole_mm.empty() ? 0.0 : interpolate(times, whole_mm, t);
    for (double appeared : out.new_lesion_days) {
      if (appeared > t) break;
      const double then = interpolate(times, whole_mm, appeared);
      mm.push_back(then > 0.0 ? detection_mm * now / then : 0.0);
    }
    return mm;
  };

  std::vector<Scan> scans;
  int new_lesions_seen = 0;
  for (std::size_t s = 1; s < scan_times.size(); ++s) {
    const double whole = tumour_diameter_mm(mapping, size_at(times, sizes, scan_times[s]));
    const std::vector<double> mm = measure(whole);
    Scan scan;
    scan.time = scan_times[s];
    for (std::size_t i : target_index) scan.target_mm.push_back(mm[i]);
    scan.non_target = baseline.non_target;
    if (mapping.new_lesion_volume_fold && std::pow(whole, 3) > *mapping.new_lesion_volume_fold * baseline_volume) {
      scan.new_lesion = true;
      new_lesions_seen = std::max(new_lesions_seen, 1);
      scan.new_lesion_count = new_lesions_seen;
    }
    if (mapping.new_lesions) {
      int seen = 0, measured = 0;
      double measured_mm = 0.0;
      for (double d : new_lesion_mm(scan_times[s])) {
        const double recorded = recorded_diameter_mm(d, false, settings.measurement);
        if (recorded <= 0.0) continue;  // below the detection limit: not seen
        ++seen;
        if (recorded >= kMinMeasurableLesionMm && measured < kMaxTargets) {  // iRECIST new-lesion targets
          ++measured;
          measured_mm += recorded;
        }
      }
      if (seen > 0) {
        scan.new_lesion = true;
        scan.new_lesion_count = std::max(scan.new_lesion_count, seen);
        scan.new_lesion_sld_mm = measured_mm;
      }
    }
    scans.push_back(scan);
    out.new_lesion.push_back(scan.new_lesion);
  }

  // Overall survival from the true tumour burden on the whole sampled series (new lesions included).
  std::vector<SldSample> series;
  for (std::size_t i = 0; i < times.size(); ++i)
    if (times[i] >= start_day) {
      double sld = 0.0;
      const double whole = tumour_diameter_mm(mapping, sizes[i]);
      for (const LesionSpec& lesion : mapping.lesions) sld += whole * std::cbrt(lesion.share);
      if (mapping.new_lesions)
        for (double d : new_lesion_mm(times[i])) sld += d;
      series.push_back(SldSample{times[i], sld});
    }
  if (settings.survival) {
    // TGI-OS: the Stein fit of the burden at the assessments from treatment start to the end of
    // follow-up, then the patient's log-normal survival time (and background death).
    if (!inputs) throw Error("readout: the TGI-OS survival model needs the patient's survival draws");
    std::vector<double> weeks, burden;
    for (const SldSample& s : series)
      if (s.time <= end_day && std::binary_search(scan_times.begin(), scan_times.end(), s.time)) {
        weeks.push_back((s.time - start_day) / 7.0);
        burden.push_back(s.sld_mm);
      }
    if (weeks.size() < 3) {  // too few scans (a short follow-up): the sampled burden instead
      weeks.clear();
      burden.clear();
      for (const SldSample& s : series)
        if (s.time <= end_day) {
          weeks.push_back((s.time - start_day) / 7.0);
          burden.push_back(s.sld_mm);
        }
    }
    if (weeks.empty() || weeks.front() != 0.0) {  // the fit starts at treatment start
      weeks.insert(weeks.begin(), 0.0);
      burden.insert(burden.begin(), series.empty() ? 0.0 : series.front().sld_mm);
    }
    const SteinFit fit = fit_stein(weeks, burden);
    out.tgi_kg_per_week = fit.kg_per_week;
    out.tgi_ttg_weeks = fit.ttg_weeks;
    const double t = overall_survival_days(*settings.survival, fit, inputs->prognostic_log_shift, inputs->survival);
    const double follow_up = end_day - start_day;
    out.os = t <= follow_up ? SurvivalTime{t, true} : SurvivalTime{follow_up, false};
  } else {
    out.os = overall_survival(series, start_day, end_day, settings.death);
  }

  if (!out.measurable) {
    // No target lesion: every scan is NE, so PFS has no evaluable assessment (censored at start,
    // or death when it comes before two scans are missed).
    std::vector<TumourAssessment> assessments;
    for (std::size_t s = 1; s < scan_times.size(); ++s) {
      out.sld_mm.push_back(kNaN);
      out.recist.push_back(Response::kNE);
      out.irecist.push_back(IrecistResponse::kNE);
      assessments.push_back({scan_times[s], false});
    }
    out.pfs =
        progression_free_survival(assessments, std::nullopt, out.os, start_day, end_day, exposure.new_therapy_day);
  } else {
    const RecistResult recist = assess_recist(baseline, scans, settings.recist);
    for (const auto& call : recist.scans) {
      out.sld_mm.push_back(call.sld_mm);
      out.recist.push_back(call.overall);
    }
    out.best_response = recist.best_response;
    out.best_change_pct = recist.best_change_pct.value_or(kNaN);
    out.progression_day = recist.progression_day;
    out.response_day = recist.response_day;
    for (std::size_t k = 0; k < recist.scans.size(); ++k)
      if (recist.scans[k].overall == Response::kPD) {
        const bool target = recist.scans[k].target == Response::kPD;
        const bool fresh = scans[k].new_lesion;
        out.progression_reason = target && fresh ? ProgressionReason::kTargetAndNewLesions
                                 : target        ? ProgressionReason::kTargetLesions
                                 : fresh         ? ProgressionReason::kNewLesions
                                                 : ProgressionReason::kNonTarget;
        break;
      }
    // PFS: censored at the last evaluable scan (not the last scheduled one), engine/readout/death_rule.hpp.
    if (settings.criteria == Criteria::kIrecist) {
      const IrecistResult irecist = assess_irecist(baseline, scans, settings.irecist);
      for (const auto& call : irecist.scans) out.irecist.push_back(call.response);
      out.best_irecist = irecist.best_response;
      out.pfs = progression_free_survival(irecist, out.os, start_day, end_day, exposure.new_therapy_day);
    } else {
      out.irecist.resize(out.recist.size(), IrecistResponse::kNE);
      out.pfs = progression_free_survival(recist, out.os, start_day, end_day, exposure.new_therapy_day);
    }

    // SITC class: exposure, best response and a confirmation scan >= 4 weeks after the first PD.
    out.exposure_days = exposure_days(exposure, recist.progression_day);
    SitcInput sitc;
    sitc.exposure_days = out.exposure_days;
    sitc.best_response = recist.best_response;
    sitc.progression_day = recist.progression_day;
    if (recist.progression_day)
      for (const auto& call : recist.scans)
        if (call.time >= *recist.progression_day + kSitcConfirmationDays && call.overall == Response::kPD) {
          out.confirmation_day = call.time;
          break;
        }
    sitc.confirmation_day = out.confirmation_day;
    out.sitc = classify_sitc(sitc);

    if (settings.hyperprogression && pre_baseline_time && scans.size() >= 1 && !recist.scans.empty() &&
        !std::isnan(recist.scans[0].sld_mm)) {
      HyperprogressionInput h;
      double pre_sld = 0.0;
      const double pre_whole = tumour_diameter_mm(mapping, size_at(times, sizes, *pre_baseline_time));
      for (std::size_t i : target_index) pre_sld += pre_whole * std::cbrt(mapping.lesions[i].share);
      h.pre_baseline = SldSample{*pre_baseline_time, pre_sld};
      h.baseline = SldSample{scan_times[0], sld0};
      h.first_evaluation = SldSample{scan_times[1], recist.scans[0].sld_mm};
      h.pd_at_first_evaluation = recist.scans[0].overall == Response::kPD;
      const HyperprogressionResult r = assess_hyperprogression(h, *settings.hyperprogression);
      out.hyperprogression = r.hyperprogression;
      out.tgr_pre = r.tgr_pre;
      out.tgr_on = r.tgr_on;
    }
  }
  if (settings.surgery_day) {
    // Viable share of the tumour bed: the tumour's volume at surgery relative to baseline (volume
    // goes with diameter cubed, cells at constant density), capped at 100 %.
    const double d0 = tumour_diameter_mm(mapping, size_at(times, sizes, scan_times[0]));
    const double ds = tumour_diameter_mm(mapping, size_at(times, sizes, *settings.surgery_day));
    out.viable_tumour_pct = d0 > 0 ? std::min(100.0, 100.0 * std::pow(ds / d0, 3)) : 0.0;
    out.pathological = classify_pathological_response(out.viable_tumour_pct);
    NeoadjuvantInput n;
    n.progression_before_surgery = out.progression_day && *out.progression_day <= *settings.surgery_day;
    n.viable_tumour_percent = out.viable_tumour_pct;
    out.neoadjuvant = classify_neoadjuvant(n);
  }
  return out;
}

}  // namespace icbsim::readout
