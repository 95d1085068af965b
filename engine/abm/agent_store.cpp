// Agent storage: column declaration, appending and stable compaction.
#include "engine/abm/agent_store.hpp"

#include <algorithm>

#include "engine/core/errors.hpp"

namespace icbsim::abm {

void AgentStore::check_new_column(std::string_view name) const {
  if (!id_.empty()) throw Error("agent column '" + std::string(name) + "' declared after agents were added");
  if (std::find(real_names_.begin(), real_names_.end(), name) != real_names_.end() ||
      std::find(int_names_.begin(), int_names_.end(), name) != int_names_.end())
    throw Error("agent column '" + std::string(name) + "' declared twice");
}

RealColumn AgentStore::add_real_column(std::string name) {
  check_new_column(name);
  real_names_.push_back(std::move(name));
  reals_.emplace_back();
  return RealColumn{reals_.size() - 1};
}

IntColumn AgentStore::add_int_column(std::string name) {
  check_new_column(name);
  int_names_.push_back(std::move(name));
  ints_.emplace_back();
  return IntColumn{ints_.size() - 1};
}

std::size_t AgentStore::add(std::uint8_t kind, std::uint32_t voxel) {
  id_.push_back(next_id_++);
  kind_.push_back(kind);
  voxel_.push_back(voxel);
  alive_.push_back(1);
  for (auto& c : reals_) c.push_back(0.0);
  for (auto& c : ints_) c.push_back(0);
  return id_.size() - 1;
}

std::size_t AgentStore::add(const PendingAgent& p) {
  const std::size_t i = add(p.kind, p.voxel);
  if (p.parent != PendingAgent::kNoParent) {
    for (auto& c : reals_) c[i] = c[p.parent];
    for (auto& c : ints_) c[i] = c[p.parent];
  }
  return i;
}

void AgentStore::remove_dead() {
  std::size_t out = 0;
  const std::size_t n = id_.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!alive_[i]) continue;
    if (out != i) {
      id_[out] = id_[i];
      kind_[out] = kind_[i];
      voxel_[out] = voxel_[i];
      alive_[out] = 1;
      for (auto& c : reals_) c[out] = c[i];
      for (auto& c : ints_) c[out] = c[i];
    }
    ++out;
  }
  id_.resize(out);
  kind_.resize(out);
  voxel_.resize(out);
  alive_.resize(out);
  for (auto& c : reals_) c.resize(out);
  for (auto& c : ints_) c.resize(out);
}

void AgentStore::reserve(std::size_t n) {
  id_.reserve(n);
  kind_.reserve(n);
  voxel_.reserve(n);
  alive_.reserve(n);
  for (auto& c : reals_) c.reserve(n);
  for (auto& c : ints_) c.reserve(n);
}

std::size_t AgentStore::bytes_per_agent() const noexcept {
  return sizeof(std::uint64_t) + 2 * sizeof(std::uint8_t) + sizeof(std::uint32_t) + reals_.size() * sizeof(double) +
         ints_.size() * sizeof(std::int32_t);
}

}  // namespace icbsim::abm
