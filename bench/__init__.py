"""Speed and size figures, printed by `make bench` (targets are checked by reading, not by tests)."""
