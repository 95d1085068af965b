"""A result file as netCDF readers see it (schema 2: named dimensions, docs/hdf5-layout.md): every
group opened with plain xarray + h5netcdf, the HDF5 datasets each should show, and a schema-1 copy
(no dimension scales, no /task) for tools and checks that need the older layout."""
import h5py
import xarray as xr

from . import _h5

# netCDF-4 marks a dimension without a coordinate variable by this NAME prefix.
_NOT_A_VARIABLE = b"This is a netCDF dimension but not a netCDF variable."


def groups(path):
    """Every group of the file by path ("" for the root), parents first."""
    out = [""]
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, obj: out.append(name) if isinstance(obj, h5py.Group) else None)
    return out


def open_group(path, group=""):
    """One group as xarray opens it itself: `xr.open_dataset(path, engine="h5netcdf", group=...)`."""
    return xr.open_dataset(path, engine="h5netcdf", group=group or None)


def open_groups(path):
    """{group: Dataset} for every group (close each, or use them in `with`)."""
    return {g: open_group(path, g) for g in groups(path)}


def hdf5_variables(path, group=""):
    """Names of the datasets directly in `group` that netCDF shows as variables (the bare
    dimensions, which netCDF shows as dimensions only, left out)."""
    with h5py.File(path, "r") as f:
        g = f[group] if group else f
        return {k for k, v in g.items()
                if isinstance(v, h5py.Dataset) and not _h5.text(v.attrs.get("NAME", b"")).encode().startswith(
                    _NOT_A_VARIABLE)}


def without_named_dimensions(source, target):
    """Copies result file `source` to `target` as schema 1 wrote it: no /task coordinate, no bare
    dimensions, no dimension-scale attributes."""
    with h5py.File(source, "r") as f, h5py.File(target, "w") as g:
        for name in f:
            if name != "task":
                f.copy(f[name], g, name=name)
        for key, value in f.attrs.items():
            g.attrs[key] = value
        g.attrs["schema_version"] = 1
        bare = []

        def strip(name, obj):
            if isinstance(obj, h5py.Dataset) and _h5.text(obj.attrs.get("NAME", b"")).encode().startswith(
                    _NOT_A_VARIABLE):
                bare.append(name)
                return
            for key in ("CLASS", "NAME", "REFERENCE_LIST", "DIMENSION_LIST"):
                if key in obj.attrs:
                    del obj.attrs[key]
        g.visititems(strip)
        for name in bare:
            del g[name]
