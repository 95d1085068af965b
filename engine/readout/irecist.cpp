// iRECIST time-point responses as a small state machine over RECIST 1.1 target assessments:
// no open iUPD -> iUPD on RECIST-type progression; open iUPD -> iCPD, reset, or remains iUPD.
#include "engine/readout/irecist.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "engine/core/errors.hpp"

namespace icbsim::readout {

namespace {

constexpr double kTolerance = 1e-9;  // sums of decimal diameters [mm], times [day]

// The unconfirmed progression being followed, with the values it is compared against.
struct OpenIupd {
  double time = 0.0;
  double sld_mm = 0.0;           // target sum at iUPD; NaN when targets were not evaluable
  int new_count = 0;             // new lesions seen at iUPD
  double new_sld_mm = 0.0;       // sum of new-lesion targets at iUPD
  bool target_category = false;  // targets met RECIST PD at iUPD
  bool non_target_category = false;
};

// New lesions accepted after a reset (present but not growing), and their smallest sum.
struct AcceptedNewLesions {
  int count = 0;
  double sld_nadir_mm = 0.0;
};

// Non-progressive call from the target response, non-target state and new-lesion presence.
IrecistResponse non_progressive_call(Response target, NonTargetStatus non_target, bool new_lesions) {
  switch (target) {
    case Response::kCR:
      return non_target == NonTargetStatus::kNone && !new_lesions ? IrecistResponse::kICR
                                                                  : IrecistResponse::kIPR;
    case Response::kPR:
      return IrecistResponse::kIPR;
    case Response::kSD:
      return IrecistResponse::kISD;
    default:
      return IrecistResponse::kNE;
  }
}

Response as_recist(IrecistResponse r) {
  switch (r) {
    case IrecistResponse::kICR: return Response::kCR;
    case IrecistResponse::kIPR: return Response::kPR;
    case IrecistResponse::kISD: return Response::kSD;
    case IrecistResponse::kNE: return Response::kNE;
    default: return Response::kPD;
  }
}

}  // namespace

IrecistResult assess_irecist(const Baseline& baseline, std::span<const Scan> scans,
                             const IrecistOptions& options) {
  for (std::size_t i = 0; i < scans.size(); ++i)
    if (scans[i].new_lesion && scans[i].new_lesion_count < 1)
      throw Error("iRECIST scan " + std::to_string(i + 1) +
                  ": new_lesion is set but new_lesion_count is 0 (iRECIST needs the count)");
  if (!(options.min_confirmation_days >= 0.0) || !(options.confirmation_increase_mm >= 0.0))
    throw Error("iRECIST options: confirmation delay and increase must be >= 0");
  const RecistResult recist = assess_recist(baseline, scans, options.recist);  // validates

  IrecistResult result;
  std::optional<OpenIupd> open;
  AcceptedNewLesions accepted;
  bool confirmed = false;
  const double grow = options.confirmation_increase_mm - kTolerance;

  for (std::size_t j = 0; j < scans.size(); ++j) {
    const Scan& s = scans[j];
    const RecistScanCall& rc = recist.scans[j];
    const bool evaluable = !s.not_evaluable;
    const bool target_pd = rc.target == Response::kPD;
    const bool non_target_pd = s.non_target == NonTargetStatus::kUnequivocalProgression;
    IrecistResponse call = IrecistResponse::kNE;

    if (confirmed) {
      call = IrecistResponse::kICPD;
    } else if (!open) {
      // New lesions accepted at a reset progress only if more appear or their sum meets
      // RECIST PD against its own nadir (recist.eortc.org iRECIST FAQ).
      bool new_pd = s.new_lesion;
      if (s.new_lesion && accepted.count > 0 && s.new_lesion_count <= accepted.count) {
        const double rise = s.new_lesion_sld_mm - accepted.sld_nadir_mm;
        new_pd = rise >= 5.0 - kTolerance && rise >= 0.2 * accepted.sld_nadir_mm - kTolerance;
        if (!new_pd) accepted.sld_nadir_mm = std::min(accepted.sld_nadir_mm, s.new_lesion_sld_mm);
      }
      if (!s.new_lesion) accepted = {};
      if (target_pd || non_target_pd || new_pd) {
        call = IrecistResponse::kIUPD;
        open = OpenIupd{s.time,
                        evaluable ? rc.sld_mm : std::numeric_limits<double>::quiet_NaN(),
                        s.new_lesion_count,
                        s.new_lesion_sld_mm,
                        target_pd,
                        non_target_pd};
        accepted = {};
      } else {
        call = non_progressive_call(rc.target, s.non_target, s.new_lesion);
      }
    } else {
      const bool in_window = s.time - open->time >= options.min_confirmation_days - kTolerance;
      const bool by_target =
          evaluable && (open->target_category ? rc.sld_mm - open->sld_mm >= grow : target_pd);
      const bool by_non_target = open->non_target_category ? s.non_target_increase : non_target_pd;
      const bool by_new_lesions =
          s.new_lesion_count > open->new_count ||
          (open->new_count > 0 && s.new_lesion_sld_mm - open->new_sld_mm >= grow);
      const bool new_lesions_unchanged = !s.new_lesion || (s.new_lesion_count <= open->new_count &&
                                                           s.new_lesion_sld_mm <= open->new_sld_mm + kTolerance);
      // Persisting new lesions allow a reset only if the baseline disease shrank further since
      // iUPD (recist.eortc.org FAQ, scenario B versus F).
      const bool baseline_disease_shrank =
          !s.new_lesion || (!std::isnan(open->sld_mm) && rc.sld_mm < open->sld_mm - kTolerance);
      if (in_window && (by_target || by_non_target || by_new_lesions)) {
        call = IrecistResponse::kICPD;
        confirmed = true;
        result.icpd_day = s.time;
        result.progression_day = open->time;
        open.reset();
      } else if (evaluable && !target_pd && !non_target_pd && new_lesions_unchanged &&
                 baseline_disease_shrank) {
        call = non_progressive_call(rc.target, s.non_target, s.new_lesion);
        accepted = s.new_lesion ? AcceptedNewLesions{s.new_lesion_count, s.new_lesion_sld_mm}
                                : AcceptedNewLesions{};
        open.reset();
      } else if (!evaluable && !s.new_lesion && !non_target_pd) {
        call = IrecistResponse::kNE;
      } else {
        call = IrecistResponse::kIUPD;
      }
    }
    result.scans.push_back({s.time, call});
  }
  if (open) result.open_iupd_day = open->time;

  // iBOR: best iCR/iPR/iSD before iCPD (RECIST 1.1 rules); else iCPD, iUPD, NE in that order.
  std::vector<double> times;
  std::vector<Response> calls;
  bool any_iupd = false;
  for (const IrecistScanCall& c : result.scans) {
    if (c.response == IrecistResponse::kICPD) break;
    if (c.response == IrecistResponse::kIUPD) any_iupd = true;
    times.push_back(c.time);
    calls.push_back(as_recist(c.response));
  }
  const ResponseSummary summary = summarise_responses(times, calls, baseline.time, options.recist);
  if (summary.best) {
    switch (*summary.best) {
      case Response::kCR: result.best_response = IrecistResponse::kICR; break;
      case Response::kPR: result.best_response = IrecistResponse::kIPR; break;
      default: result.best_response = IrecistResponse::kISD; break;
    }
  } else if (confirmed) {
    result.best_response = IrecistResponse::kICPD;
  } else if (any_iupd) {
    result.best_response = IrecistResponse::kIUPD;
  } else {
    result.best_response = IrecistResponse::kNE;
  }
  return result;
}

}  // namespace icbsim::readout
