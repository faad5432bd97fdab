"""Development plans: their life cycle, and the diagnostics questionnaires."""
