// What a run stores besides its outcomes (scenario section output:, docs/scenario.md "Output"):
// which trajectories, in which precision, with which compression.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/core/enum_table.hpp"

namespace icbsim {

/// Compression of the result file's datasets. none: stored as is; fast: byte shuffle + deflate
/// level 1; small: byte shuffle + deflate level 4 (icbsim's only choice before output: existed).
enum class OutputCompression { kNone, kFast, kSmall };
inline constexpr EnumTable<OutputCompression, 3> kOutputCompressionNames{{{
    {OutputCompression::kNone, "none"},
    {OutputCompression::kFast, "fast"},
    {OutputCompression::kSmall, "small"},
}}};

/// Floating-point width of the stored trajectories (outcomes and parameters stay double).
enum class OutputPrecision { kDouble, kSingle };
inline constexpr EnumTable<OutputPrecision, 2> kOutputPrecisionNames{{{
    {OutputPrecision::kDouble, "double"},
    {OutputPrecision::kSingle, "single"},
}}};

struct OutputSettings {
  /// Store every state variable and observable; when false, only `trajectory_rows`.
  bool all_trajectories = true;
  /// Rows stored when !all_trajectories: indices into the model's variables followed by its
  /// observables, ascending (empty: no trajectories).
  std::vector<std::size_t> trajectory_rows;
  OutputPrecision precision = OutputPrecision::kDouble;
  /// Default chosen by measurement (docs/hdf5-layout.md "Compression"): trajectories of these
  /// models compress by a quarter at best, and deflate costs more than the integration.
  OutputCompression compression = OutputCompression::kNone;
  /// The scenario wrote output: as a map (written back in full); otherwise only the file name.
  bool stated = false;

  /// Whether row `row` (variables then observables) is stored.
  bool stores(std::size_t row) const {
    if (all_trajectories) return true;
    for (std::size_t r : trajectory_rows)
      if (r == row) return true;
    return false;
  }
};

}  // namespace icbsim
