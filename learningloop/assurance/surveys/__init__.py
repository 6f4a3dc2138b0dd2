"""Surveys of children and young people, families, practitioners and managers: questions, the public and
signed-in answer forms, imports of responses from a file, and results per question (docs/adr/0032)."""
