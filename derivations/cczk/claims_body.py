"""cczk: (being written) see the package docstring."""
CLAIMS = ()
