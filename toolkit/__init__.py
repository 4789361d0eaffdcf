"""Printable documents and the signal card: no Qt, no desktop. `python -m toolkit --help`."""
