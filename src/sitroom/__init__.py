"""sitroom: conflict news in, a trustworthy event database out (see README.md)."""
