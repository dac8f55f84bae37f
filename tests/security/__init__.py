"""Security tests: canaries planted and searched for in everything Casebook writes."""
