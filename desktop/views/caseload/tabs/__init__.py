"""The tabs of a young person's record, one module per area."""
