// Counter-based random numbers for agents (Random123 Philox4x64-10): the stream of one agent in
// one step for one purpose is a pure function of (seed, task, step, agent id, purpose), so the
// numbers an agent draws do not depend on thread count, update order or which other agents exist.
// A CounterStream is a C++ uniform random bit generator, usable with Boost.Random distributions.
#pragma once

#include <cstddef>
#include <cstdint>

// philox.h defines the feature macros that MicroURNG.hpp and uniform.hpp use: it comes first.
#include <Random123/philox.h>

#include <Random123/MicroURNG.hpp>
#include <Random123/uniform.hpp>

namespace icbsim::abm {

/// The part of the key fixed for a whole simulation.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t task = 0;
};

class CounterStream {
 public:
  using Engine = r123::MicroURNG<r123::Philox4x64>;
  using result_type = Engine::result_type;

  /// Stream of `agent` (or any entity id) in step `step` for purpose `purpose` (a model-chosen
  /// code; distinct purposes never share numbers). Up to 2^32 blocks of 4 numbers per stream.
  CounterStream(StreamKey key, std::uint64_t step, std::uint64_t agent, std::uint32_t purpose)
      : engine_(Engine::ctr_type{{step, agent, purpose, 0}}, Engine::ukey_type{{key.seed, key.task}}) {}

  result_type operator()() { return engine_(); }
  static constexpr result_type min() { return Engine::min(); }
  static constexpr result_type max() { return Engine::max(); }

  /// Uniform in (0, 1], never 0.
  double uniform() { return r123::u01<double>(engine_()); }
  /// True with probability p (p <= 0: never; p >= 1: always).
  bool bernoulli(double p) { return uniform() <= p; }
  /// Uniform integer in [0, n), n >= 1.
  std::size_t below(std::size_t n) {
    const auto k = static_cast<std::size_t>(uniform() * static_cast<double>(n));
    return k < n ? k : n - 1;
  }

 private:
  Engine engine_;
};

}  // namespace icbsim::abm
