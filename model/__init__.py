"""Thurrock looked-after children forecasting model (the Annual Public Health Report 2017, rebuilt).

Pure standard-library Python, so it runs unchanged in CPython 3.11-3.13 and in Pyodide. The data
it needs are ``assumptions.toml`` (every assumption) and ``published.toml`` (the report's figures,
used only for comparison), which must ship next to these modules.

Entry points: ``model.api.compute`` (JSON in, JSON out), ``model.api.describe`` (the parameter
registry), ``model.reproduction.comparisons`` and ``python -m model``.
"""

__version__ = "2.0.0"
"""2.0: band v2, programme economics from the forecast, a later starting count (issue 8)."""
