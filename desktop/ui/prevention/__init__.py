"""The prevention report dialog (Printen, Preventieverslag…)."""
