// nsclc_spatial: the registered parameter set, every overlay file driving it, the initial scaling
// of the lattice to the patient, the infiltration classes, byte-identical results for 1 and 2
// threads, and two patients in one process.
#include <catch2/catch.hpp>

#include <omp.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/io/config/overlay_loader.hpp"
#include "tests/models/nsclc_spatial_harness.hpp"

namespace sp = icbsim::models::spatial;
using icbsim::models::NsclcIcb;

namespace {

/// Everything a lattice holds, flattened: agent ids, kinds, voxels, every column, every field.
struct LatticeImage {
  std::vector<std::uint64_t> ids;
  std::vector<std::uint8_t> kinds;
  std::vector<std::uint32_t> voxels;
  std::vector<double> reals, fields;
  std::vector<std::int32_t> ints;
  std::vector<double> systemic;
  bool operator==(const LatticeImage&) const = default;
};

LatticeImage image(const sp::SpatialPatient& patient) {
  const sp::Tissue& t = patient.lattice().tissue();
  LatticeImage im;
  const auto& a = t.agents;
  im.ids.assign(a.ids().begin(), a.ids().end());
  im.kinds.assign(a.kinds().begin(), a.kinds().end());
  im.voxels.assign(a.voxels().begin(), a.voxels().end());
  for (std::size_t c = 0; c < a.real_names().size(); ++c) {
    const auto column = a.real_column(icbsim::abm::RealColumn{c});
    im.reals.insert(im.reals.end(), column.begin(), column.end());
  }
  for (std::size_t c = 0; c < a.int_names().size(); ++c) {
    const auto column = a.int_column(icbsim::abm::IntColumn{c});
    im.ints.insert(im.ints.end(), column.begin(), column.end());
  }
  for (const sp::FieldId f : {sp::kOxygen, sp::kIfng, sp::kTgfb, sp::kChemokine}) {
    const auto& v = patient.lattice().fields()[f].values();
    im.fields.insert(im.fields.end(), v.begin(), v.end());
  }
  im.systemic = patient.systemic().state();
  return im;
}

/// A treated patient advanced `days` on `threads` OpenMP threads.
LatticeImage run_on(int threads, const sp::SpatialSettings& s, double days) {
  const int before = omp_get_max_threads();
  omp_set_num_threads(threads);
  sp::SpatialPatient patient(spatial_test::patient_input({}, s, /*treated=*/true));
  patient.advance_to(days);
  omp_set_num_threads(before);
  return image(patient);
}

}  // namespace

TEST_CASE("nsclc_spatial is registered with its parameters and metrics", "[nsclc_spatial]") {
  const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo& m = registry.get("nsclc_spatial");
  CHECK(m.parameters.size() == sp::kParameters.size());
  CHECK(m.parameter_index("cd8_kill_rate") >= 0);
  CHECK(m.variables.empty());
  CHECK(m.observables.size() == 8);
  CHECK_THROWS_WITH(m.simulate(icbsim::TaskInput{}), Catch::Contains("runs only coupled to nsclc_icb"));
  const sp::SpatialValues values(sp::default_parameters());
  CHECK(values.o2_diffusion == Approx(1e5 * 1440));  // um^2/min -> um^2/day
  CHECK_THROWS_WITH(sp::SpatialValues(std::vector<double>(3, 0.0)), Catch::Contains("expected"));
}

TEST_CASE("every phenotype and host-factor file changes spatial parameters", "[nsclc_spatial]") {
  const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo& spatial = registry.get("nsclc_spatial");
  int files = 0;
  for (const std::string folder : {"phenotypes", "host"}) {
    for (const auto& entry : std::filesystem::directory_iterator(nsclc_test::configs() + "/" + folder)) {
      INFO(entry.path().string());
      const icbsim::Overlay overlay = icbsim::load_overlay_file(entry.path().string(), registry);
      REQUIRE(overlay.changes_by_model.count("nsclc_spatial") == 1);
      std::vector<double> p = sp::default_parameters();
      icbsim::apply_overlay(overlay, spatial, p);
      CHECK(p != sp::default_parameters());
      ++files;
    }
  }
  CHECK(files >= 16);
}

TEST_CASE("the lattice starts as the patient's tumour scaled down", "[nsclc_spatial]") {
  const sp::SpatialPatientInput in = spatial_test::patient_input({}, spatial_test::small_section());
  const sp::SpatialPatient patient(in);
  const sp::LatticeCounts c = patient.lattice().counts();
  const std::vector<double>& x0 = in.systemic_state;
  const double cells = x0[NsclcIcb::kVisible] + x0[NsclcIcb::kEscape] + x0[NsclcIcb::kDying];
  CHECK(patient.scale() * static_cast<double>(c.viable() + c.dead) == Approx(cells));
  // Same lesion volume at the start: nsclc_icb's volume of the same cell count.
  CHECK(patient.tumour_volume_ml() == Approx(cells / in.systemic_parameters[nsclc_test::parameter("cell_density")]));
  // The immune bed is seeded in the systemic proportions (within the rounding of small counts).
  const double effectors = x0[NsclcIcb::kEffector] / (x0[NsclcIcb::kVisible] + x0[NsclcIcb::kEscape]);
  CHECK(static_cast<double>(c.effector) / static_cast<double>(c.viable()) == Approx(effectors).epsilon(0.3));
}

TEST_CASE("the edge metric shows when the tumour reaches the lattice boundary", "[nsclc_spatial]") {
  // A nest of 300 um in a 1-mm section stays clear of the edge (no tumour cell within 200 um of it).
  sp::SpatialPatientInput in = spatial_test::patient_input({}, spatial_test::small_section());
  CHECK(sp::SpatialPatient(in).metrics().tumour_edge_fraction == 0.0);
  // A nest of 800 um radius covers the whole 1-mm section: every edge voxel without a vessel or a
  // fibroblast holds a tumour cell (tumour vessels take 1 % of nest voxels, tumour_vessel_fraction).
  in.spatial_parameters[icbsim::index_of(sp::kParameters, "nest_radius")] = 800.0;
  const double covered = sp::SpatialPatient(in).metrics().tumour_edge_fraction;
  CHECK(covered > 0.95);
  CHECK(covered <= 1.0);
}

TEST_CASE("infiltration classes follow the declared thresholds", "[nsclc_spatial]") {
  const sp::SpatialValues p(sp::default_parameters());
  const double low = 0.5 * p.desert_density, high = 4.0 * p.desert_density;
  CHECK(sp::classify_infiltration(low, low, p) == sp::Infiltration::kDesert);
  CHECK(sp::classify_infiltration(low, high, p) == sp::Infiltration::kExcluded);
  CHECK(sp::classify_infiltration(high, high, p) == sp::Infiltration::kInflamed);
  CHECK(sp::classify_infiltration(0.9 * p.excluded_ratio * high, high, p) == sp::Infiltration::kExcluded);
}

TEST_CASE("a spatial patient is byte-identical on 1 and 2 threads", "[nsclc_spatial][determinism]") {
  // Lattices large enough that agent blocks and diffusion lines do run in parallel.
  sp::SpatialSettings flat = spatial_test::small_section(5);
  flat.lattice = {80, 80, 1};
  CHECK(run_on(1, flat, 0.5) == run_on(2, flat, 0.5));
  sp::SpatialSettings cube = spatial_test::small_section(5);
  cube.lattice = {32, 32, 32};
  cube.steps_per_coupling = 30;
  CHECK(run_on(1, cube, 0.25) == run_on(2, cube, 0.25));
}

TEST_CASE("two spatial patients in one process do not interact", "[nsclc_spatial][determinism]") {
  sp::SpatialSettings s = spatial_test::small_section(9);
  s.lattice = {30, 30, 1};
  const sp::SpatialPatientInput in = spatial_test::patient_input({}, s);
  sp::SpatialPatient alone(in);
  alone.advance_to(1.0);
  sp::SpatialPatient first(in), second(in);
  first.advance_to(0.5);
  second.advance_to(1.0);  // interleaved with the first
  first.advance_to(1.0);
  CHECK(image(first) == image(alone));
  CHECK(image(second) == image(alone));
}
