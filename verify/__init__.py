"""The checking engine (generic: it knows nothing of any paper) and the pytest suite over all claims."""
