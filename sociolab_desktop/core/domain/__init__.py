"""Pure domain knowledge: enums, text folding, keys and validation. No I/O, no Qt."""
