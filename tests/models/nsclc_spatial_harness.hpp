// Helpers of the nsclc_spatial tests: a spatial patient built from the declared defaults, overlay
// files (applied to both nsclc_icb and nsclc_spatial), the phenotype's own systemic run-in and,
// optionally, pembrolizumab — no scenario file involved.
#pragma once

#include <omp.h>

#include <string>
#include <vector>

#include "engine/io/config/drug_catalogue_loader.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"
#include "models/nsclc_spatial/spatial_patient.hpp"
#include "models/register_builtin.hpp"
#include "tests/models/nsclc_icb_harness.hpp"

namespace spatial_test {

namespace sp = icbsim::models::spatial;

/// Runs the enclosing scope on one OpenMP thread: small lattices gain nothing from threads, and on
/// a loaded machine their many short parallel regions cost more than they save.
class SingleThread {
 public:
  SingleThread() : previous_(omp_get_max_threads()) { omp_set_num_threads(1); }
  SingleThread(const SingleThread&) = delete;
  SingleThread& operator=(const SingleThread&) = delete;
  ~SingleThread() { omp_set_num_threads(previous_); }

 private:
  int previous_;
};

/// A small 2-D section for tests: 50 x 50 voxels (1 mm), 6-h coupling.
inline sp::SpatialSettings small_section(std::uint64_t seed = 7) {
  sp::SpatialSettings s;
  s.lattice = {50, 50, 1};
  s.seed = seed;
  return s;
}

/// Input of a spatial patient carrying the overlay files `overlays` ("phenotypes/low_tmb.yaml"),
/// from the phenotype's untreated systemic run-in, with pembrolizumab 200 mg q3w when `treated`.
inline sp::SpatialPatientInput patient_input(const std::vector<std::string>& overlays, const sp::SpatialSettings& s,
                                             bool treated = false) {
  const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  sp::SpatialPatientInput in;
  in.systemic_parameters = nsclc_test::default_parameters();
  in.spatial_parameters = sp::default_parameters();
  for (const std::string& relative : overlays) {
    const icbsim::Overlay overlay = icbsim::load_overlay_file(nsclc_test::configs() + "/" + relative, registry);
    icbsim::apply_overlay(overlay, registry.get("nsclc_icb"), in.systemic_parameters);
    icbsim::apply_overlay(overlay, registry.get("nsclc_spatial"), in.spatial_parameters);
  }
  in.systemic_state = nsclc_test::run_in(in.systemic_parameters, nsclc_test::default_state());
  if (treated) {
    const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(nsclc_test::configs() + "/drugs");
    in.doses = nsclc_test::pembrolizumab(catalogue, in.systemic_parameters);
  }
  in.solver.rtol = 1e-6;
  in.solver.atol = 1e-6;
  in.settings = s;
  return in;
}

}  // namespace spatial_test
