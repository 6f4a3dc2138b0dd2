"""The register of multi-agency policies and procedures and the changes made because of learning."""
