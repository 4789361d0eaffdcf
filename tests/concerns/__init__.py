"""Tests of desktop.concerns: the privacy and fact check, without a window."""
