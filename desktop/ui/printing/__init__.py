"""The Printen page's parts: several documents at once (the panel, its worker, its preview)."""
