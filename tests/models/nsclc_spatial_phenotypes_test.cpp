// nsclc_spatial phenotypes: the infiltration class that emerges from each overlay on an untreated
// 2-D section (1.28 mm, nest radius 450 um), from the phenotype's systemic run-in, measured by the
// CD8 densities of core and margin averaged over days 40-60 (the lattice's T-cell pool turns over
// in ~50 days, so the first weeks still show the seeded bed) and over three seeds (a single small
// section classifies one seed in five differently for the two excluding overlays:
// docs/models/nsclc_spatial.md).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/models/nsclc_spatial_harness.hpp"

namespace sp = icbsim::models::spatial;

namespace {

struct Infiltrate {
  double core = 0.0, margin = 0.0;  ///< mean CD8 densities [cells/mm^2]
  sp::Infiltration infiltration = sp::Infiltration::kDesert;
};

Infiltrate infiltrate(const std::vector<std::string>& overlays) {
  const spatial_test::SingleThread one;
  Infiltrate r;
  int n = 0;
  for (const std::uint64_t seed : {1, 2, 3}) {
    sp::SpatialSettings s = spatial_test::small_section(seed);
    s.lattice = {64, 64, 1};
    sp::SpatialPatientInput in = spatial_test::patient_input(overlays, s);
    in.spatial_parameters[icbsim::index_of(sp::kParameters, "nest_radius")] = 450.0;
    sp::SpatialPatient patient(in);
    for (double t = 40.0; t <= 60.0; t += 2.0, ++n) {
      patient.advance_to(t);
      const sp::SpatialMetrics m = patient.metrics();
      r.core += m.core_cd8_density;
      r.margin += m.margin_cd8_density;
    }
  }
  r.core /= n;
  r.margin /= n;
  r.infiltration = sp::classify_infiltration(r.core, r.margin, sp::SpatialValues(sp::default_parameters()));
  return r;
}

std::string describe(const Infiltrate& r) {
  return "core " + std::to_string(r.core) + " /mm^2, margin " + std::to_string(r.margin) + " /mm^2, " +
         std::string(sp::kInfiltrationNames.name(r.infiltration));
}

}  // namespace

TEST_CASE("the default tumour is inflamed", "[nsclc_spatial][phenotypes][heavy]") {
  const Infiltrate r = infiltrate({});
  INFO(describe(r));
  CHECK(r.infiltration == sp::Infiltration::kInflamed);
}

TEST_CASE("the TGF-β/CAF barrier excludes T cells", "[nsclc_spatial][phenotypes][heavy]") {
  const Infiltrate r = infiltrate({"phenotypes/tgfb_caf_barrier.yaml"});
  INFO(describe(r));
  CHECK(r.infiltration == sp::Infiltration::kExcluded);
}

TEST_CASE("low TMB leaves an immune desert", "[nsclc_spatial][phenotypes][heavy]") {
  const Infiltrate r = infiltrate({"phenotypes/low_tmb.yaml"});
  INFO(describe(r));
  CHECK(r.infiltration == sp::Infiltration::kDesert);
}

TEST_CASE("WNT/β-catenin excludes T cells", "[nsclc_spatial][phenotypes][heavy]") {
  const Infiltrate r = infiltrate({"phenotypes/wnt_beta_catenin.yaml"});
  INFO(describe(r));
  CHECK(r.infiltration == sp::Infiltration::kExcluded);
}
