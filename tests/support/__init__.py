"""Stand-ins for ingestion's network peers and builders of test feeds."""
