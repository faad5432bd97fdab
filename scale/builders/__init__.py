"""Builders of the generated region, one module per area, run in the order of the layers."""
