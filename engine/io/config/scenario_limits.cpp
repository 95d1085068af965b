// Estimates of a scenario's sizes against the limits of scenario_limits.hpp.
#include "engine/io/config/scenario_limits.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/core/number_text.hpp"

namespace icbsim {
namespace {

/// The node to blame for a size: the first of `path` that exists, else the root.
const ConfigNode& blame(const ConfigNode& root, std::initializer_list<std::initializer_list<const char*>> paths) {
  for (const auto& path : paths) {
    const ConfigNode* node = &root;
    for (const char* key : path) {
      node = node->is_map() ? node->find(key) : nullptr;
      if (node == nullptr) break;
    }
    if (node != nullptr) return *node;
  }
  return root;
}

}  // namespace

double sweep_design_points(const sweep::SweepSpec& spec) {
  const auto d = static_cast<double>(spec.axes.size());
  const auto n = static_cast<double>(spec.samples);
  switch (spec.design) {
    case sweep::DesignKind::kGrid: {
      double points = 1;
      for (const sweep::Axis& axis : spec.axes)
        points *= axis.discrete() ? static_cast<double>(axis.levels.size()) : static_cast<double>(spec.levels);
      return points;
    }
    case sweep::DesignKind::kSaltelli:
      return n * (d + 2);
    case sweep::DesignKind::kMorris:
      return n * (d + 1);
    case sweep::DesignKind::kLatinHypercube:
    case sweep::DesignKind::kSobol:
      return n;
  }
  return n;
}

namespace {

/// Doses of one schedule up to the end of the run.
double doses_of(const pk::DosingSchedule& s, double span) {
  const auto per_cycle = static_cast<double>(s.days.size());
  if (s.cycles > 0) return static_cast<double>(s.cycles) * per_cycle;
  if (!(s.interval > 0)) return per_cycle;
  return (std::floor(span / s.interval) + 1) * per_cycle;
}

}  // namespace

void check_scenario_limits(const Scenario& s, const ConfigNode& root) {
  const double span = s.time.end - s.time.start;
  const double points = std::floor(span / s.time.output_every) + 1;
  if (points > kMaxOutputPoints)
    blame(root, {{"time", "output_every"}, {"time", "end"}})
        .fail("the output grid has " + shortest(points) + " times per task (time span " + shortest(span) +
              " day every " + shortest(s.time.output_every) + " day), more than the " + shortest(kMaxOutputPoints) +
              " icbsim holds: set time.output_every");

  const double patients = s.population ? static_cast<double>(s.population->size) : 1.0;
  const double design = s.sweep ? sweep_design_points(*s.sweep) * static_cast<double>(s.sweep->replicates) : 1.0;
  const double arms = s.arms.empty() ? 1.0 : static_cast<double>(s.arms.size());
  const double tasks = patients * design * (s.allocation == Allocation::kPaired ? arms : 1.0);
  if (tasks > kMaxTasks)
    blame(root, {{"population", "size"}, {"sweep", "samples"}, {"sweep"}})
        .fail("the scenario has " + shortest(tasks) + " tasks (" + shortest(patients) + " patients x " +
              shortest(design) + " sweep points and replicates x " + shortest(arms) + " arms), more than the " +
              shortest(kMaxTasks) + " one scenario may hold: split it");

  std::vector<const Treatment*> treatments;
  if (s.treatment) treatments.push_back(&*s.treatment);
  for (const Arm& arm : s.arms)
    if (arm.treatment) treatments.push_back(&*arm.treatment);
  for (const Treatment* t : treatments)
    for (const TreatmentItem& item : t->items) {
      double doses = 0;
      for (const pk::DosingSchedule& phase : item.phases) doses += doses_of(phase, span);
      if (doses > kMaxDosesPerTask)
        blame(root, {{"treatment"}, {"arms"}})
            .fail("the schedule of " + std::string(item.drug.name) + " gives " + shortest(doses) +
                  " doses per patient over the run, more than the " + shortest(kMaxDosesPerTask) +
                  " icbsim holds: check its interval");
    }

  if (s.readout) {
    const readout::ScanSchedule& scans = s.readout->scans;
    double count = 1;
    const double first_end = scans.until ? std::min(*scans.until, s.time.end) : s.time.end;
    if (scans.every > 0) count += std::max(0.0, (first_end - scans.baseline) / scans.every);
    if (scans.until && scans.then_every && *scans.then_every > 0)
      count += std::max(0.0, (s.time.end - *scans.until) / *scans.then_every);
    if (count > kMaxScansPerTask)
      blame(root, {{"scans", "every"}, {"scans"}})
          .fail("the scan schedule gives " + shortest(count) + " scans per patient, more than the " +
                shortest(kMaxScansPerTask) + " icbsim holds");
  }

  const double rows = static_cast<double>(s.model->variables.size() + s.model->observables.size());
  const double bytes = tasks * (points * rows + static_cast<double>(s.model->parameters.size())) * 8.0;
  if (bytes > kMaxResultBytes)
    blame(root, {{"population", "size"}, {"sweep"}, {"time", "output_every"}, {"time"}})
        .fail("the result file would hold about " + shortest(std::ceil(bytes / 1e12)) + " TB (" + shortest(tasks) +
              " tasks x " + shortest(points) + " output times x " + shortest(rows) +
              " trajectories of 8 bytes), more than the " + shortest(kMaxResultBytes / 1e12) +
              " TB one scenario may write: coarsen time.output_every or split the scenario");
}

}  // namespace icbsim
