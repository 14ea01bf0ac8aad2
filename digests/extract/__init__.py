"""Extraction: pure functions from (text, publication date) to figures and places.

The contract is ../shared/corpus/SCHEMA.md; the models are in ``digests.extract.model``.
"""
