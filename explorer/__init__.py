"""The scenario explorer: built at build time in CPython, computed in the browser by Pyodide."""
