"""The annual training review (seed 2.1): a year's sessions and attendances by course and agency, fill and
non-attendance rates, evaluation results at each stage, trainers by agency, and the gaps; Word and PDF."""
