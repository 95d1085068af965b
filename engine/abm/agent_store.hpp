// Structure-of-arrays storage of agents: core columns (stable id, kind, voxel, alive) and named
// per-model columns of reals and integers. Removal compacts stably, so storage order stays the
// order of creation (= ascending id), which the deterministic update relies on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace icbsim::abm {

/// Handle of a named column.
struct RealColumn {
  std::size_t index;
};
struct IntColumn {
  std::size_t index;
};

/// An agent to be appended after a parallel phase: where, what, and the agent whose column values
/// it starts from (kNoParent: all columns zero).
struct PendingAgent {
  static constexpr std::uint32_t kNoParent = 0xffffffffu;
  std::uint8_t kind = 0;
  std::uint32_t voxel = 0;
  std::uint32_t parent = kNoParent;
};

class AgentStore {
 public:
  /// Declares a column; only before the first agent is added. Names must be unique.
  RealColumn add_real_column(std::string name);
  IntColumn add_int_column(std::string name);

  std::size_t size() const noexcept { return id_.size(); }
  /// Appends an agent with the next id; all named columns zero. Returns its index.
  std::size_t add(std::uint8_t kind, std::uint32_t voxel);
  /// Appends `p` (columns copied from its parent when it has one). Returns its index.
  std::size_t add(const PendingAgent& p);
  /// Removes every agent whose alive flag is 0, keeping the order of the others.
  void remove_dead();
  /// Reserves room for `n` agents in every column.
  void reserve(std::size_t n);

  std::uint64_t id(std::size_t i) const noexcept { return id_[i]; }
  std::uint8_t kind(std::size_t i) const noexcept { return kind_[i]; }
  std::uint32_t voxel(std::size_t i) const noexcept { return voxel_[i]; }
  bool alive(std::size_t i) const noexcept { return alive_[i] != 0; }
  void set_kind(std::size_t i, std::uint8_t k) noexcept { kind_[i] = k; }
  void set_voxel(std::size_t i, std::uint32_t v) noexcept { voxel_[i] = v; }
  void kill(std::size_t i) noexcept { alive_[i] = 0; }

  double& real(RealColumn c, std::size_t i) noexcept { return reals_[c.index][i]; }
  double real(RealColumn c, std::size_t i) const noexcept { return reals_[c.index][i]; }
  std::int32_t& integer(IntColumn c, std::size_t i) noexcept { return ints_[c.index][i]; }
  std::int32_t integer(IntColumn c, std::size_t i) const noexcept { return ints_[c.index][i]; }

  std::span<const std::uint64_t> ids() const noexcept { return id_; }
  std::span<const std::uint8_t> kinds() const noexcept { return kind_; }
  std::span<const std::uint32_t> voxels() const noexcept { return voxel_; }
  std::span<const std::uint8_t> alive_flags() const noexcept { return alive_; }
  std::span<const double> real_column(RealColumn c) const noexcept { return reals_[c.index]; }
  std::span<const std::int32_t> int_column(IntColumn c) const noexcept { return ints_[c.index]; }
  const std::vector<std::string>& real_names() const noexcept { return real_names_; }
  const std::vector<std::string>& int_names() const noexcept { return int_names_; }
  /// The id the next added agent receives.
  std::uint64_t next_id() const noexcept { return next_id_; }
  /// Approximate bytes held per agent (all columns).
  std::size_t bytes_per_agent() const noexcept;

 private:
  void check_new_column(std::string_view name) const;

  std::vector<std::uint64_t> id_;
  std::vector<std::uint8_t> kind_;
  std::vector<std::uint32_t> voxel_;
  std::vector<std::uint8_t> alive_;
  std::vector<std::vector<double>> reals_;
  std::vector<std::vector<std::int32_t>> ints_;
  std::vector<std::string> real_names_;
  std::vector<std::string> int_names_;
  std::uint64_t next_id_ = 0;
};

}  // namespace icbsim::abm
