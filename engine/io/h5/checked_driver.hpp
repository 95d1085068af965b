// A read-only HDF5 file driver (POSIX reads, like HDF5's sec2) that checks each global heap
// collection (where variable-length strings live) before HDF5 decodes it: HDF5 1.10 loops forever
// on a free-space entry of size 0 and copies past the collection for an object that overruns it.
#pragma once

#include <hdf5.h>

#include <cstddef>

namespace icbsim::h5 {

/// A new file-access property list (the caller closes it) reading through the checked driver.
hid_t checked_read_access();

/// Whether the bytes of a global heap collection (as read from the file, starting with "GCOL";
/// possibly only its first part) can be decoded safely: every object advances and ends inside the
/// collection. `length_size` is the file's size of lengths (superblock), 8 by default.
bool global_heap_decodable(const unsigned char* bytes, std::size_t size, std::size_t length_size = 8);

}  // namespace icbsim::h5
