"""The unit expressions of result-file `units` attributes (docs/scenario.md, "Values and units"):
a small registry that parses them into a scale and dimensions, so series are chosen by what their
unit measures and times are converted (a month is 365.25/12 days, as in the engine)."""
import re
from dataclasses import dataclass

# symbol -> (scale to the base unit of its dimension, {dimension: exponent}); base units: day,
# metre, gram, cell, mole, IU, molecule.
_T, _L, _M, _C, _N, _A, _Q = "time", "length", "mass", "cells", "amount", "activity", "molecules"
_DAY = 1.0
_SYMBOLS = {}


def _define(names, scale, dims):
    for name in names.split():
        _SYMBOLS[name] = (scale, dims)


_define("s sec second seconds", 1 / 86400, {_T: 1})
_define("min minute minutes", 1 / 1440, {_T: 1})
_define("h hr hour hours", 1 / 24, {_T: 1})
_define("d day days", _DAY, {_T: 1})
_define("wk week weeks", 7.0, {_T: 1})
_define("month months", 365.25 / 12, {_T: 1})
_define("yr year years", 365.25, {_T: 1})
for prefix, scale in (("n", 1e-9), ("u", 1e-6), ("µ", 1e-6), ("m", 1e-3), ("c", 1e-2), ("", 1.0)):
    _define(prefix + "m", scale, {_L: 1})
for prefix, scale in (("u", 1e-6), ("µ", 1e-6), ("m", 1e-3), ("d", 1e-1), ("", 1.0)):
    _define(prefix + "L", scale * 1e-3, {_L: 3})
_define("ml", 1e-6, {_L: 3})
_define("l", 1e-3, {_L: 3})
for prefix, scale in (("p", 1e-12), ("n", 1e-9), ("u", 1e-6), ("µ", 1e-6), ("m", 1e-3), ("", 1.0), ("k", 1e3)):
    _define(prefix + "g", scale, {_M: 1})
_define("cell cells", 1.0, {_C: 1})
for prefix, scale in (("p", 1e-12), ("n", 1e-9), ("u", 1e-6), ("µ", 1e-6), ("m", 1e-3), ("", 1.0)):
    _define(prefix + "mol", scale, {_N: 1})
    _define(prefix + "M", scale * 1e3, {_N: 1, _L: -3})
_define("Da", 1.0, {_M: 1, _N: -1})
_define("kDa", 1e3, {_M: 1, _N: -1})
_define("IU U", 1.0, {_A: 1})
_define("mU", 1e-3, {_A: 1})
_define("molecule molecules", 1.0, {_Q: 1})
_define("% percent", 1e-2, {})
_define("fold", 1.0, {})

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|(?P<sym>[A-Za-zµ%]+)|(?P<op>[*/^()]))")


@dataclass(frozen=True)
class Unit:
    """A parsed unit: `scale` times the base units raised to `dimensions`."""
    text: str
    scale: float
    dimensions: tuple  # sorted ((dimension, exponent), ...), zero exponents dropped

    @property
    def dimensionless(self):
        return not self.dimensions

    def dims(self):
        return dict(self.dimensions)

    def is_concentration(self):
        """Mass or amount of substance per volume (mg/L, g/cm^3, nM, ...)."""
        d = self.dims()
        return d.get(_L) == -3 and (d.keys() - {_L}) in ({_M}, {_N})

    def is_time(self):
        return self.dims() == {_T: 1}


def parse(text):
    """Parses a unit expression ('1', 'mg/L', '1/(cell*day)', 'cm^3/(g*day)'); ValueError when a
    symbol is unknown or the expression is malformed."""
    source = str(text).strip()
    if source in ("", "1", "-"):
        return Unit(source, 1.0, ())
    tokens = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if not m or m.end() == pos:
            raise ValueError(f"unit '{source}': cannot read from '{source[pos:]}'")
        tokens.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
        while pos < len(source) and source[pos].isspace():
            pos += 1
    tokens.append(("end", ""))
    state = {"i": 0}

    def peek():
        return tokens[state["i"]]

    def take():
        tok = tokens[state["i"]]
        state["i"] += 1
        return tok

    def combine(a, b, sign):
        dims = dict(a[1])
        for k, v in b[1].items():
            dims[k] = dims.get(k, 0) + sign * v
        return (a[0] * b[0] ** sign, {k: v for k, v in dims.items() if v})

    def factor():
        kind, value = take()
        if kind == "num":
            base = (float(value), {})
        elif kind == "sym":
            if value not in _SYMBOLS:
                raise ValueError(f"unit '{source}': unknown symbol '{value}'")
            scale, dims = _SYMBOLS[value]
            base = (scale, dict(dims))
        elif value == "(":
            base = expression()
            if take()[1] != ")":
                raise ValueError(f"unit '{source}': missing ')'")
        else:
            raise ValueError(f"unit '{source}': unexpected '{value}'")
        if peek()[1] == "^":
            take()
            sign = -1 if peek()[1] == "-" else 1
            kind, power = take()
            if kind != "num" or not float(power).is_integer():
                raise ValueError(f"unit '{source}': '^' needs an integer power")
            p = sign * int(float(power))
            base = (base[0] ** p, {k: v * p for k, v in base[1].items()})
        return base

    def expression():
        result = factor()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            result = combine(result, factor(), 1 if op == "*" else -1)
        return result

    scale, dims = expression()
    if peek()[0] != "end":
        raise ValueError(f"unit '{source}': unexpected '{peek()[1]}'")
    return Unit(source, scale, tuple(sorted(dims.items())))


def convert(values, from_unit, to_unit):
    """values in `from_unit` expressed in `to_unit` (same dimensions, else ValueError)."""
    a, b = parse(from_unit), parse(to_unit)
    if a.dimensions != b.dimensions:
        raise ValueError(f"cannot convert '{a.text}' to '{b.text}': different dimensions")
    return values * (a.scale / b.scale)
