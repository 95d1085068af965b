// A dataset column written in blocks of consecutive task rows: rows arrive in any order (threads),
// are gathered in memory per block, and each block is written once when complete. Memory stays
// bounded by the blocks in flight, the file holds whole chunks, and the result does not depend on
// the order of completion.
#pragma once

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/io/h5/hdf5_handle.hpp"

namespace icbsim {

class BlockedColumn {
 public:
  /// A column over `n_rows` task rows of `row_length` elements of `element_size` bytes each.
  BlockedColumn(h5::Id dataset, hid_t mem_type, std::size_t element_size, std::size_t n_rows, std::size_t row_length)
      : dataset_(std::move(dataset)), mem_type_(mem_type), element_size_(element_size), n_rows_(n_rows),
        row_length_(row_length) {}

  hid_t id() const noexcept { return dataset_.get(); }

  /// Stores row `row` (row_length elements at `data`); writes its block when the block is full.
  void put(std::size_t row, const void* data) {
    const std::size_t block = row / h5::kTaskChunkRows;
    const std::size_t first = block * h5::kTaskChunkRows;
    const std::size_t rows = std::min(h5::kTaskChunkRows, n_rows_ - first);
    Pending& p = pending_[block];
    const std::size_t row_bytes = row_length_ * element_size_;
    if (p.bytes.empty()) p.bytes.resize(rows * row_bytes);
    std::memcpy(p.bytes.data() + (row - first) * row_bytes, data, row_bytes);
    if (++p.filled == rows) {
      h5::write_rows(dataset_.get(), mem_type_, first, rows, row_length_, p.bytes.data());
      pending_.erase(block);
    }
  }

  /// Throws IoError if a block was never completed (a task row is missing).
  void check_complete() const {
    if (!pending_.empty()) throw IoError("result file: rows of block " + std::to_string(pending_.begin()->first) + " are missing");
  }

  void close() noexcept { dataset_.reset(); }

 private:
  struct Pending {
    std::vector<char> bytes;
    std::size_t filled = 0;
  };
  h5::Id dataset_;
  hid_t mem_type_;
  std::size_t element_size_;
  std::size_t n_rows_;
  std::size_t row_length_;
  std::map<std::size_t, Pending> pending_;
};

}  // namespace icbsim
