// RECIST 1.1 time-point responses (Eisenhauer 2009 Tables 4 and 6) and best overall response.
#include "engine/readout/recist.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

namespace {

// Boundaries of RECIST are inclusive (≥ 30 %, ≥ 20 %, ≥ 5 mm); this absorbs rounding in sums
// of decimal diameters such as 0.7 · 100 [mm].
constexpr double kBoundaryTolerance = 1e-9;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string scan_label(std::size_t index, double time) {
  std::ostringstream out;
  out << "RECIST scan " << index + 1 << " (day " << time << ")";
  return out.str();
}

[[noreturn]] void fail(const std::string& message) { throw Error(message); }

double sum(std::span<const double> values) {
  double total = 0.0;
  for (double v : values) total += v;
  return total;
}

bool is_response(Response r) { return r == Response::kCR || r == Response::kPR; }

// True when the CR/PR at index i is confirmed: a later call at least `interval` days later
// reaches `level` (CR, or PR-or-better), with only calls of that level or NE in between.
bool confirmed_at(std::span<const double> times, std::span<const Response> calls, std::size_t i,
                  Response level, double interval) {
  const auto meets = [level](Response r) {
    return level == Response::kCR ? r == Response::kCR : is_response(r);
  };
  for (std::size_t j = i + 1; j < calls.size(); ++j) {
    if (calls[j] == Response::kNE) continue;
    if (!meets(calls[j])) return false;
    if (times[j] - times[i] >= interval - kBoundaryTolerance) return true;
  }
  return false;
}

}  // namespace

ResponseSummary summarise_responses(std::span<const double> times, std::span<const Response> calls,
                                    double baseline_time, const RecistOptions& options) {
  if (times.size() != calls.size()) throw Error("summarise_responses: times and calls differ in length");
  if (!(options.confirmation_interval_days >= 0.0) || !(options.min_sd_duration_days >= 0.0))
    throw Error("RECIST options: confirmation interval and SD duration must be >= 0 days");
  ResponseSummary summary;
  summary.confirmed.assign(calls.size(), false);
  bool any_cr = false;
  bool any_pr = false;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (!is_response(calls[i])) continue;
    bool counts = true;
    if (options.confirm_response) {
      const double gap = options.confirmation_interval_days;
      summary.confirmed[i] = confirmed_at(times, calls, i, calls[i], gap);
      counts = confirmed_at(times, calls, i, Response::kPR, gap);
    }
    if (!counts) continue;
    if (!summary.response_day) summary.response_day = times[i];
    any_pr = true;
    if (calls[i] == Response::kCR && (!options.confirm_response || summary.confirmed[i])) any_cr = true;
  }
  if (any_cr) {
    summary.best = Response::kCR;
    return summary;
  }
  if (any_pr) {
    summary.best = Response::kPR;
    return summary;
  }
  summary.response_day.reset();
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const bool non_progressive = calls[i] == Response::kCR || calls[i] == Response::kPR ||
                                 calls[i] == Response::kSD;
    if (non_progressive &&
        times[i] - baseline_time >= options.min_sd_duration_days - kBoundaryTolerance) {
      summary.best = Response::kSD;
      break;
    }
  }
  return summary;
}

double baseline_sld_mm(const Baseline& baseline) {
  double total = 0.0;
  for (const TargetLesion& lesion : baseline.targets) total += lesion.baseline_mm;
  return total;
}

void validate_recist_input(const Baseline& baseline, std::span<const Scan> scans) {
  const auto n_targets = baseline.targets.size();
  if (n_targets == 0)
    fail("RECIST baseline: no target lesion (this implementation needs at least one measurable lesion)");
  if (n_targets > static_cast<std::size_t>(kMaxTargets))
    fail("RECIST baseline: " + std::to_string(n_targets) + " target lesions; RECIST 1.1 allows at most 5");
  if (!std::isfinite(baseline.time)) fail("RECIST baseline: time is not finite");
  if (baseline.non_target == NonTargetStatus::kUnequivocalProgression)
    fail("RECIST baseline: non-target status cannot be 'unequivocal_progression' at baseline");

  std::map<std::string, int> per_organ;
  for (std::size_t k = 0; k < n_targets; ++k) {
    const TargetLesion& lesion = baseline.targets[k];
    const std::string which = "RECIST baseline target " + std::to_string(k + 1);
    if (!std::isfinite(lesion.baseline_mm)) fail(which + ": diameter is not finite");
    const double minimum = lesion.is_node ? kMinMeasurableNodeMm : kMinMeasurableLesionMm;
    if (lesion.baseline_mm < minimum) {
      std::ostringstream out;
      out << which << ": " << lesion.baseline_mm << " mm is not measurable (a "
          << (lesion.is_node ? "node needs a short axis" : "lesion needs a longest diameter")
          << " of at least " << minimum << " mm)";
      fail(out.str());
    }
    if (!lesion.is_node && lesion.organ.empty()) fail(which + ": organ is empty");
    const std::string organ = lesion.is_node ? std::string("lymph nodes") : lesion.organ;
    if (++per_organ[organ] > kMaxTargetsPerOrgan)
      fail("RECIST baseline: more than 2 target lesions in organ '" + organ +
           "' (all lymph nodes count as one organ)");
  }

  double previous = baseline.time;
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const Scan& s = scans[i];
    if (!std::isfinite(s.time)) fail("RECIST scan " + std::to_string(i + 1) + ": time is not finite");
    const std::string which = scan_label(i, s.time);
    if (s.time <= previous)
      fail(which + ": scan times must increase strictly and follow the baseline");
    previous = s.time;
    if (!s.not_evaluable || !s.target_mm.empty()) {
      if (s.target_mm.size() != n_targets)
        fail(which + ": " + std::to_string(s.target_mm.size()) + " target diameters for " +
             std::to_string(n_targets) + " baseline targets");
      for (double d : s.target_mm)
        if (!std::isfinite(d) || d < 0.0) fail(which + ": target diameters must be finite and >= 0 mm");
    }
    if (baseline.non_target == NonTargetStatus::kNone && s.non_target != NonTargetStatus::kNone)
      fail(which + ": non-target disease reported but there was none at baseline (a lesion absent "
                   "at baseline is a new lesion)");
    if (s.new_lesion_count < 0) fail(which + ": new-lesion count is negative");
    if (!std::isfinite(s.new_lesion_sld_mm) || s.new_lesion_sld_mm < 0.0)
      fail(which + ": new-lesion sum must be finite and >= 0 mm");
    if (!s.new_lesion && (s.new_lesion_count != 0 || s.new_lesion_sld_mm != 0.0))
      fail(which + ": new-lesion count or sum given without the new-lesion flag");
  }
}

Response target_response(const Baseline& baseline, std::span<const double> target_mm,
                         double baseline_sld, double nadir_sld) {
  if (target_mm.size() != baseline.targets.size())
    throw Error("target_response: diameters do not match the baseline targets");
  const double sld = sum(target_mm);
  const double increase = sld - nadir_sld;
  if (increase >= 5.0 - kBoundaryTolerance && increase >= 0.2 * nadir_sld - kBoundaryTolerance)
    return Response::kPD;
  bool complete = true;
  for (std::size_t k = 0; k < target_mm.size(); ++k) {
    const bool node = baseline.targets[k].is_node;
    if ((node && target_mm[k] >= kNormalNodeMm) || (!node && target_mm[k] > 0.0)) complete = false;
  }
  if (complete) return Response::kCR;
  if (sld - baseline_sld <= -0.3 * baseline_sld + kBoundaryTolerance) return Response::kPR;
  return Response::kSD;
}

RecistResult assess_recist(const Baseline& baseline, std::span<const Scan> scans,
                           const RecistOptions& options) {
  validate_recist_input(baseline, scans);

  const double base = baseline_sld_mm(baseline);
  RecistResult result;
  double nadir = base;
  for (const Scan& s : scans) {
    RecistScanCall call;
    call.time = s.time;
    call.reference_nadir_mm = nadir;
    if (s.not_evaluable) {
      call.target = Response::kNE;
      call.sld_mm = kNaN;
      call.change_from_baseline_pct = kNaN;
    } else {
      call.target = target_response(baseline, s.target_mm, base, nadir);
      call.sld_mm = sum(s.target_mm);
      call.change_from_baseline_pct = 100.0 * (call.sld_mm - base) / base;
      nadir = std::min(nadir, call.sld_mm);
    }
    if (s.new_lesion || s.non_target == NonTargetStatus::kUnequivocalProgression ||
        call.target == Response::kPD)
      call.overall = Response::kPD;
    else if (call.target == Response::kCR)
      call.overall = s.non_target == NonTargetStatus::kNone ? Response::kCR : Response::kPR;
    else
      call.overall = call.target;  // PR, SD or NE
    result.scans.push_back(call);
  }

  // Only scans up to the first PD count towards the best response.
  std::size_t end = result.scans.size();
  for (std::size_t i = 0; i < result.scans.size(); ++i)
    if (result.scans[i].overall == Response::kPD) {
      end = i;
      result.progression_day = result.scans[i].time;
      break;
    }
  auto& calls = result.scans;

  result.nadir_mm = base;
  const std::size_t last_counted = result.progression_day ? end + 1 : end;
  for (std::size_t i = 0; i < last_counted; ++i) {
    if (std::isnan(calls[i].sld_mm)) continue;
    result.nadir_mm = std::min(result.nadir_mm, calls[i].sld_mm);
    const double change = calls[i].change_from_baseline_pct;
    if (!result.best_change_pct || change < *result.best_change_pct) result.best_change_pct = change;
  }

  std::vector<double> times;
  std::vector<Response> overall;
  for (std::size_t i = 0; i < end; ++i) {
    times.push_back(calls[i].time);
    overall.push_back(calls[i].overall);
  }
  const ResponseSummary summary = summarise_responses(times, overall, baseline.time, options);
  for (std::size_t i = 0; i < end; ++i) calls[i].confirmed = summary.confirmed[i];
  result.response_day = summary.response_day;
  if (summary.best)
    result.best_response = *summary.best;
  else
    result.best_response = result.progression_day ? Response::kPD : Response::kNE;
  return result;
}

double recorded_diameter_mm(double true_mm, bool is_node, const MeasurementModel& model) {
  if (!std::isfinite(true_mm) || true_mm < 0.0)
    throw Error("recorded_diameter_mm: true diameter must be finite and >= 0 mm");
  if (!(model.detection_limit_mm >= 0.0) || !(model.min_measurable_mm >= model.detection_limit_mm))
    throw Error("recorded_diameter_mm: need 0 <= detection_limit_mm <= min_measurable_mm");
  if (is_node) return true_mm;
  if (true_mm < model.detection_limit_mm) return 0.0;
  if (true_mm < model.min_measurable_mm) return kTooSmallToMeasureMm;
  return true_mm;
}

}  // namespace icbsim::readout
