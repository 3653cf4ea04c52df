"""Model Facts: load, check, model and render the fact base."""
