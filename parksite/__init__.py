"""Data, checks and rendering behind the park site."""
