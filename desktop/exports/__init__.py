"""Word documents: one builder per document over the shared house style and a safe save."""
