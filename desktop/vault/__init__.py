"""Keys and access: key slots, Argon2id, AES-GCM wrapping, keyring and lock state."""
