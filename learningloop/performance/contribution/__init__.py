"""The agency contribution scorecard: for each agency, the share of what it owed the partnership that it
gave on time, from every figure areas register in core.contributions."""
