"""cczk: claims registered so far (see the paper issue)."""
CLAIMS = ()
