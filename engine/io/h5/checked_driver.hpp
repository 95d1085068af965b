// A read-only HDF5 file driver (POSIX reads, like HDF5's sec2) that checks each global heap
// collection (where variable-length strings live) before HDF5 decodes it: HDF5 loops forever on a
// collection whose free-space entry has size 0, so a damaged file would hang its reader.
#pragma once

#include <hdf5.h>

#include <cstddef>

namespace icbsim::h5 {

/// A new file-access property list (the caller closes it) reading through the checked driver.
hid_t checked_read_access();

/// Whether the bytes of a global heap collection (as read from the file, starting with "GCOL";
/// possibly only its first part) can be decoded without HDF5 looping forever: every object
/// advances. `length_size` is the file's size of lengths (superblock), 8 by default.
bool global_heap_advances(const unsigned char* bytes, std::size_t size, std::size_t length_size = 8);

}  // namespace icbsim::h5
