// Snapshot of the lattice: living agents in store order, fields voxel by voxel.
#include "models/nsclc_spatial/snapshot_capture.hpp"

namespace icbsim::models::spatial {

SpatialSnapshot capture_snapshot(const LatticeModel& lattice, double t) {
  const Tissue& tissue = lattice.tissue();
  const abm::AgentStore& agents = tissue.agents;
  const abm::Lattice& grid = tissue.lattice();
  SpatialSnapshot s;
  s.time = t;
  s.voxels = grid.size();
  s.voxel_um = grid.voxel_um();
  s.type_names.assign(std::begin(kCellKindNames), std::end(kCellKindNames));
  std::vector<std::size_t> living;
  for (std::size_t i = 0; i < agents.size(); ++i)
    if (agents.alive(i)) living.push_back(i);
  for (const std::size_t i : living) {
    const auto centre = grid.centre_um(agents.voxel(i));
    s.positions.insert(s.positions.end(), centre.begin(), centre.end());
    s.types.push_back(agents.kind(i));
  }
  for (std::size_t c = 0; c < agents.real_names().size(); ++c) {
    SnapshotColumn<double> column{agents.real_names()[c], "", {}};
    const auto values = agents.real_column(abm::RealColumn{c});
    for (const std::size_t i : living) column.values.push_back(values[i]);
    s.agent_reals.push_back(std::move(column));
  }
  for (std::size_t c = 0; c < agents.int_names().size(); ++c) {
    SnapshotColumn<std::int32_t> column{agents.int_names()[c], "", {}};
    const auto values = agents.int_column(abm::IntColumn{c});
    for (const std::size_t i : living) column.values.push_back(values[i]);
    s.agent_ints.push_back(std::move(column));
  }
  for (const FieldId f : {kOxygen, kIfng, kTgfb, kChemokine}) {
    const abm::Field& field = lattice.fields()[f];
    s.fields.push_back({field.spec().name, field.spec().unit, field.values()});
  }
  return s;
}

}  // namespace icbsim::models::spatial
