"""Indicators: entry and review, import from spreadsheets, computed indicators."""
