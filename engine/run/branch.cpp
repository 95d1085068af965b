// Merging the history's treatment with a branch arm's.
#include "engine/run/branch.hpp"

#include <algorithm>
#include <cmath>

namespace icbsim {
namespace {

/// The phase limited to doses strictly before `t`, or nothing when it starts at or after `t`.
std::optional<pk::DosingSchedule> until(pk::DosingSchedule phase, double t) {
  if (!(phase.start < t)) return std::nullopt;
  double duration = t - phase.start;
  while (phase.start + duration > t) duration = std::nextafter(duration, 0.0);  // never a dose at t
  phase.max_duration = std::min(phase.max_duration, duration);
  return phase;
}

}  // namespace

Treatment branch_treatment(const Treatment* history, const Treatment* arm, double t) {
  Treatment merged;
  if (history) {
    for (const TreatmentItem& item : history->items) {
      TreatmentItem kept = item;
      kept.phases.clear();
      for (const pk::DosingSchedule& phase : item.phases)
        if (const auto before = until(phase, t)) kept.phases.push_back(*before);
      if (!kept.phases.empty()) merged.items.push_back(std::move(kept));
    }
  }
  if (arm) {
    merged.stop = arm->stop;
    for (TreatmentItem item : arm->items) {
      for (pk::DosingSchedule& phase : item.phases) phase.start += t;
      const auto same = std::find_if(merged.items.begin(), merged.items.end(), [&](const TreatmentItem& h) {
        return h.target_state == item.target_state && h.drug.name == item.drug.name;
      });
      if (same == merged.items.end()) {
        merged.items.push_back(std::move(item));
      } else {  // the drug continues: its PK model and regimen are now the arm's
        same->pk = item.pk;
        same->regimen = item.regimen;
        same->phases.insert(same->phases.end(), item.phases.begin(), item.phases.end());
      }
    }
  }
  return merged;
}

void make_branch(Scenario& scenario, const Treatment* history, std::shared_ptr<const Checkpoint> checkpoint) {
  const double t = checkpoint->time;
  for (Arm& arm : scenario.arms) {
    const Treatment* own = arm.treatment ? &*arm.treatment : nullptr;
    arm.treatment = branch_treatment(history, own, t);
  }
  scenario.treatment.reset();
  scenario.allocation = Allocation::kPaired;
  scenario.ratio.clear();
  scenario.continuation = std::make_shared<const Continuation>(Continuation{std::move(checkpoint), true});
}

}  // namespace icbsim
