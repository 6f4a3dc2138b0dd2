"""Meetings: scheduling from the terms of reference, agenda and papers, deadlines, attendance and quorum,
minutes, decisions and actions, the chair's attendance report."""
