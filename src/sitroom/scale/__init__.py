"""Drivers that run the same stages at scale (Apache Spark)."""
