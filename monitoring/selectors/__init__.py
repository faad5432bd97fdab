"""Reads of the monitoring areas, one module per area; the PDF reports call the same ones."""
