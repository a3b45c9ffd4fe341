"""Load tests for Safe Passage: `make bench` (see bench/README.md)."""
