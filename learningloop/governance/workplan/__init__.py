"""The annual work plan, the risk and barrier log, and highlight reports to the Executive."""
