"""The indicator library and each indicator's curve: its page, chart, status, trend, story behind the
curve, evidence links, exports and scorecard."""
