"""Rendering of reports/build/results.json (LaTeX/PDF report: see the reports issue)."""
