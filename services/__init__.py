"""Domain logic and file formats. Plain data in, plain data out; no Qt."""
