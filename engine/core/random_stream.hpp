// Reproducible random streams. Every draw comes from a stream keyed by (scenario seed, task id,
// purpose, index), so a task's numbers do not depend on thread count, rank, order or resume.
#pragma once

#include <cstdint>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/seed_seq.hpp>

namespace icbsim {

/// What a stream is used for; distinct purposes never share numbers.
enum class StreamPurpose : std::uint32_t {
  kPatient = 1,      ///< sampling a virtual patient's parameters and mechanisms
  kMeasurement = 2,  ///< scan measurement error
  kArm = 3,          ///< randomisation into trial arms
  kSweep = 4,        ///< sweep designs (Latin hypercube, Morris) and bootstrap resampling of indices
  kAssay = 5,        ///< sampling error of baseline biomarker assays (PD-L1 TPS)
  kNewLesions = 6,   ///< a patient's new-lesion draws (shared by its arms)
  kSurvival = 7,     ///< a patient's survival draw of the TGI-OS model (shared by its arms)
};

using RandomEngine = boost::random::mt19937_64;

/// A generator seeded by the seed-sequence algorithm over the key's 32-bit words.
inline RandomEngine random_stream(std::uint64_t seed, std::uint64_t task, StreamPurpose purpose,
                                  std::uint64_t index = 0) {
  const std::uint32_t words[] = {static_cast<std::uint32_t>(seed),  static_cast<std::uint32_t>(seed >> 32),
                                 static_cast<std::uint32_t>(task),  static_cast<std::uint32_t>(task >> 32),
                                 static_cast<std::uint32_t>(purpose), static_cast<std::uint32_t>(index),
                                 static_cast<std::uint32_t>(index >> 32)};
  boost::random::seed_seq sequence(std::begin(words), std::end(words));
  return RandomEngine(sequence);
}

}  // namespace icbsim
