// Overlays: resistance phenotypes and host factors as data. An overlay names, per model, the
// parameters it changes (scale, set or add) with a rationale; apply_overlay applies them to a
// parameter vector. Overlays compose in the order they are applied. Files: configs/phenotypes,
// configs/host (format in docs/overlays.md; read by engine/io/overlay_loader).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/core/model_info.hpp"

namespace icbsim {

/// How a change acts on a parameter's current value p: scale p·v, set v, add p + v.
enum class ChangeOp { kScale, kSet, kAdd };
inline constexpr EnumTable<ChangeOp, 3> kChangeOpNames{{{
    {ChangeOp::kScale, "scale"},
    {ChangeOp::kSet, "set"},
    {ChangeOp::kAdd, "add"},
}}};

/// A resistance phenotype of the tumour or its microenvironment, or a host factor.
enum class OverlayKind { kPhenotype, kHost };
inline constexpr EnumTable<OverlayKind, 2> kOverlayKindNames{{{
    {OverlayKind::kPhenotype, "phenotype"},
    {OverlayKind::kHost, "host_factor"},
}}};

/// The groups of primary-resistance mechanisms of Gomatou 2025.
inline constexpr std::string_view kOverlayGroups[] = {"tumour", "microenvironment", "host"};

/// One parameter change; `value` is in the parameter's declared unit for set/add, a plain factor
/// for scale.
struct ParameterChange {
  std::string parameter;
  ChangeOp op = ChangeOp::kScale;
  double value = 1.0;
  std::string rationale;
};

/// Share of a population carrying the overlay (input for sampling a cohort).
struct Prevalence {
  double value = 0.0;  ///< [0, 1]
  std::string source;
};

struct Overlay {
  std::string name;
  OverlayKind kind = OverlayKind::kPhenotype;
  std::string group;        ///< tumour | microenvironment | host
  std::string description;
  std::string source;       ///< literature for the direction (and size) of the changes
  std::optional<Prevalence> prevalence;
  /// Model name -> its changes, applied in order.
  std::map<std::string, std::vector<ParameterChange>> changes_by_model;

  /// The names of the models the overlay covers, "a, b".
  std::string model_names() const;
};

/// Applies `overlay`'s changes for `model` to `parameters` (declaration order, declared units).
/// Throws icbsim::Error — leaving `parameters` unchanged — when the overlay has no changes for the
/// model (listing the models it covers), names an unknown parameter, the vector has the wrong size,
/// or a result is not finite or lies outside the parameter's admissible range.
void apply_overlay(const Overlay& overlay, const ModelInfo& model, std::vector<double>& parameters);

/// Applies several overlays in order (each sees the previous one's result).
void apply_overlays(const std::vector<Overlay>& overlays, const ModelInfo& model, std::vector<double>& parameters);

}  // namespace icbsim
