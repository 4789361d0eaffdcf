"""The care coordinator's concern log, Qt-free: the rules and words the concern screens use."""
