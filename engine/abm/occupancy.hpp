// Voxel occupancy of the lattice: one exclusive occupant per voxel (a cell that fills it, or a
// static structure such as a vessel wall) and counts of mobile cells per class that may share a
// voxel up to a cap the model chooses. Updated in place during the agent phase (each writer owns
// the neighbourhood it touches, see block_schedule.hpp) and rebuilt from the store every step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/abm/agent_store.hpp"

namespace icbsim::abm {

/// How a kind of agent occupies space.
struct OccupancyRole {
  bool exclusive = false;    ///< fills its voxel (one per voxel)
  std::uint8_t mobile_class = 0;  ///< for non-exclusive agents: which mobile count it adds to
};

class Occupancy {
 public:
  static constexpr std::int32_t kEmpty = -1;    ///< no exclusive occupant
  static constexpr std::int32_t kBlocked = -2;  ///< static structure (never an agent)
  static constexpr std::int32_t kPending = -3;  ///< an agent born this step, appended after the phase

  Occupancy(std::size_t voxels, std::size_t mobile_classes);

  std::int32_t exclusive(std::size_t v) const noexcept { return exclusive_[v]; }
  void set_exclusive(std::size_t v, std::int32_t occupant) noexcept { exclusive_[v] = occupant; }
  /// True when no cell and no structure fills the voxel.
  bool exclusive_free(std::size_t v) const noexcept { return exclusive_[v] == kEmpty; }

  /// Mobile cells of every class in voxel v.
  std::uint8_t mobile(std::size_t v) const noexcept { return total_[v]; }
  /// Mobile cells of class `c` in voxel v.
  std::uint8_t mobile(std::size_t v, std::size_t c) const noexcept { return by_class_[v * classes_ + c]; }
  void add_mobile(std::size_t v, std::size_t c) noexcept {
    ++total_[v];
    ++by_class_[v * classes_ + c];
  }
  void remove_mobile(std::size_t v, std::size_t c) noexcept {
    --total_[v];
    --by_class_[v * classes_ + c];
  }

  /// Clears every agent entry (blocked voxels stay) and refills from the living agents of `store`;
  /// `role(i)` says how agent i occupies space.
  template <typename RoleOf>
  void rebuild(const AgentStore& store, RoleOf&& role) {
    clear_agents();
    for (std::size_t i = 0; i < store.size(); ++i) {
      if (!store.alive(i)) continue;
      const OccupancyRole r = role(i);
      if (r.exclusive)
        exclusive_[store.voxel(i)] = static_cast<std::int32_t>(i);
      else
        add_mobile(store.voxel(i), r.mobile_class);
    }
  }
  /// Removes agent entries and mobile counts; blocked voxels stay blocked.
  void clear_agents();

  std::size_t voxel_count() const noexcept { return exclusive_.size(); }
  std::size_t classes() const noexcept { return classes_; }

 private:
  std::size_t classes_;
  std::vector<std::int32_t> exclusive_;
  std::vector<std::uint8_t> total_;
  std::vector<std::uint8_t> by_class_;
};

}  // namespace icbsim::abm
